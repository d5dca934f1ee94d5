using KpiMonitor.Alerts.Lifecycle;
using System.Collections.Immutable;

namespace KpiMonitor.Alerts.Reading;

/// <summary>What the store held at one read: open alerts, silences in force and the history. Immutable; shared by requests.</summary>
/// <param name="ReadAt">When it was read (the dashboard's clock).</param>
/// <param name="LastEventAt">The newest alert event stored: the last time the alerting service recorded anything; null before any.</param>
/// <param name="Open">Pending and firing alerts, the most severe and the oldest first.</param>
/// <param name="Silences">The operators' silences in force at <paramref name="ReadAt"/>, the soonest to end first.</param>
/// <param name="History">Every history entry, oldest first.</param>
public sealed record AlertOverview(
    DateTimeOffset ReadAt, DateTimeOffset? LastEventAt, IReadOnlyList<AlertView> Open, IReadOnlyList<Silence> Silences,
    ImmutableList<AlertHistoryEntry> History)
{
    /// <summary>Nothing read yet.</summary>
    public static AlertOverview Empty(DateTimeOffset now) => new(now, null, [], [], []);

    /// <summary>How many alerts are firing now (the header's badge).</summary>
    public int FiringCount { get; } = Open.Count(a => a.Phase == AlertPhase.Firing);

    /// <summary>The open alert whose <see cref="AlertKey.Id"/> is <paramref name="id"/>.</summary>
    public AlertView? Find(string id) => Open.FirstOrDefault(a => a.Key.Id == id);
}
