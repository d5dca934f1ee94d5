namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>A first breach: the instance is pending (one breaching evaluation counted).</summary>
public sealed record AlertPending(AlertKey Key, long Sequence, DateTimeOffset At, AlertSnapshot Snapshot) : AlertEvent(Key, Sequence, At);
