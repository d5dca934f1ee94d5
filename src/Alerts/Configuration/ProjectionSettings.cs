namespace KpiMonitor.Alerts.Configuration;

/// <summary>A projection rule: <see cref="Method"/> (chosen from the KPI's time roll-up unless set) and, for a trend, how many months it uses.</summary>
public sealed record ProjectionSettings(ProjectionMethod Method, int Months);
