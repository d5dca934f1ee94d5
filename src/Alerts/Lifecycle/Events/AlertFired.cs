namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>The breach held for the rule's <c>for</c> evaluations: the alert fires.</summary>
public sealed record AlertFired(AlertKey Key, long Sequence, DateTimeOffset At, AlertSnapshot Snapshot) : AlertEvent(Key, Sequence, At);
