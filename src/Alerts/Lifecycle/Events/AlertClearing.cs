namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>A firing alert had a clean evaluation; <paramref name="Count"/> in a row so far, not yet enough to resolve.</summary>
public sealed record AlertClearing(AlertKey Key, long Sequence, DateTimeOffset At, int Count) : AlertEvent(Key, Sequence, At);
