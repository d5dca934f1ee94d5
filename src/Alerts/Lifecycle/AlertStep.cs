using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>The outcome of one evaluation of one instance: its new state and the events to append (history and outbox).</summary>
public sealed record AlertStep(AlertState State, IReadOnlyList<AlertEvent> Events)
{
    /// <summary>The notifications decided in this step.</summary>
    public IEnumerable<AlertNotified> Notifications => Events.OfType<AlertNotified>();
}
