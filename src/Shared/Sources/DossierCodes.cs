namespace KpiMonitor.Shared.Sources;

/// <summary>
/// What a source's channel and status codes mean, compared as text (a JSON number 2 and a string "2" are the same
/// code). A code in none of the lists rejects the dossier, so a new code is reported instead of counted wrongly.
/// Defaults: the national sync codes (DOMAIN.md).
/// </summary>
public sealed record DossierCodes
{
    /// <summary>Every valid channel code (1 in person, 2 online, 3 public postal service).</summary>
    public IReadOnlyList<string> Channels { get; init; } = ["1", "2", "3"];

    /// <summary>The channel codes that count as received online.</summary>
    public IReadOnlyList<string> OnlineChannels { get; init; } = ["2"];

    /// <summary>Finished: counted by the finished date, on time or late (9 processed, 10 result returned).</summary>
    public IReadOnlyList<string> FinishedStatuses { get; init; } = ["9", "10"];

    /// <summary>In progress: pending, and late once past due (2 received, 4 in progress, 5 supplement requested, 6 awaiting fee).</summary>
    public IReadOnlyList<string> PendingStatuses { get; init; } = ["2", "4", "5", "6"];

    /// <summary>Counted as received only (1 new, 3 refused, 7 withdrawn, 8 stopped).</summary>
    public IReadOnlyList<string> OtherStatuses { get; init; } = ["1", "3", "7", "8"];
}
