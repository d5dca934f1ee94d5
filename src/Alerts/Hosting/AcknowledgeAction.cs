using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>An operator took charge of the firing alert <see cref="Key"/>: its repeats and escalation stop.</summary>
public sealed record AcknowledgeAction(string Id, DateTimeOffset At, string By, string Note, AlertKey Key)
    : AlertAction(Id, At, By, Note);
