using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>The outcome of one evaluation over all instances: events to append, in order, and the notifications among them.</summary>
public sealed record AlertEvaluation(DateTimeOffset At, IReadOnlyList<AlertEvent> Events)
{
    /// <summary>The notifications decided, to be routed and grouped per recipient.</summary>
    public IReadOnlyList<AlertNotified> Notifications { get; } = Events.OfType<AlertNotified>().ToList();
}
