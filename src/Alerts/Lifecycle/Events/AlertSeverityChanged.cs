namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>A firing alert changed severity (a target at risk is now missed, or the reverse).</summary>
public sealed record AlertSeverityChanged(AlertKey Key, long Sequence, DateTimeOffset At, AlertSnapshot Snapshot) : AlertEvent(Key, Sequence, At);
