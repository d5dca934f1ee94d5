namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>An operator acknowledged the firing alert with a note: no more reminders nor escalation this episode.</summary>
public sealed record AlertAcknowledged(AlertKey Key, long Sequence, DateTimeOffset At, string By, string Note) : AlertEvent(Key, Sequence, At);
