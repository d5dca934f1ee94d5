namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>The breach cleared before the alert fired: back to normal, nobody was told.</summary>
public sealed record AlertPendingCancelled(AlertKey Key, long Sequence, DateTimeOffset At) : AlertEvent(Key, Sequence, At);
