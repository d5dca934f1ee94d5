namespace KpiMonitor.Dashboard.Charts;

// Period is the first day of the period; a null value is drawn as a gap.
public sealed record ChartPoint(DateOnly Period, double? Value);
