using KpiMonitor.Alerts.Reading;

namespace KpiMonitor.Dashboard.Pages;

/// <summary>A table of open alerts: on the alerts page with the operators' buttons, on a KPI's or a unit's page without.</summary>
public sealed record AlertTableView(IReadOnlyList<AlertView> Alerts, bool Actions, string Tab, string DefaultUntil = "", bool Compact = false);
