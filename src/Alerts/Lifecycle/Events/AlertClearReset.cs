namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>A firing alert that was clearing breached again: the clean count starts over (no flapping).</summary>
public sealed record AlertClearReset(AlertKey Key, long Sequence, DateTimeOffset At) : AlertEvent(Key, Sequence, At);
