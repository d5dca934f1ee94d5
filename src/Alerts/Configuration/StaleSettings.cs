namespace KpiMonitor.Alerts.Configuration;

/// <summary>A stale-data rule: a figure is due every reporting period of the KPI, plus <see cref="Grace"/>.</summary>
public sealed record StaleSettings(TimeSpan Grace);
