namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>
/// The alert cleared. <paramref name="Announce"/> says whether a resolution is owed to the recipients
/// (not when the whole episode was silenced).
/// </summary>
public sealed record AlertResolved(AlertKey Key, long Sequence, DateTimeOffset At, bool Announce) : AlertEvent(Key, Sequence, At);
