namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>Still breaching, not yet for long enough: <paramref name="Count"/> breaching evaluations so far.</summary>
public sealed record AlertPendingHeld(AlertKey Key, long Sequence, DateTimeOffset At, int Count) : AlertEvent(Key, Sequence, At);
