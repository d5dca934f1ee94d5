using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>An operator silenced the alerts of a unit and/or a KPI until <see cref="Until"/>.</summary>
public sealed record SilenceAction(string Id, DateTimeOffset At, string By, string Note, string? Unit, string? Kpi, DateTimeOffset Until)
    : AlertAction(Id, At, By, Note)
{
    /// <summary>The silence the book applies.</summary>
    public Silence ToSilence() => new(Id, Until, Unit, Kpi) { By = By, Note = Note };
}
