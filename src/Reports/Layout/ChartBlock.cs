using KpiMonitor.Charts;

namespace KpiMonitor.Reports.Layout;

/// <summary>A KPI's 12-month trend against its target, drawn by the dashboard's own <see cref="TrendChart"/>, and its caption.</summary>
public sealed record ChartBlock(TrendChartData Data, string Caption) : ReportBlock;
