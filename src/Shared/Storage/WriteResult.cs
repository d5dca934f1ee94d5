namespace KpiMonitor.Shared.Storage;

/// <summary>
/// The outcome of one write: how many observations were stored, which were refused by validation,
/// and how many the server itself refused (HTTP 400 for some lines) with its message and, when the store
/// could tell them apart, which ones (<see cref="RefusedByServer"/>).
/// </summary>
public sealed record WriteResult(
    int Written, IReadOnlyList<RejectedObservation> Rejected, int DroppedByServer = 0, string? ServerMessage = null,
    IReadOnlyList<RejectedObservation>? RefusedByServer = null)
{
    /// <summary>Nothing was refused or dropped.</summary>
    public bool IsComplete => Rejected.Count == 0 && DroppedByServer == 0;
}
