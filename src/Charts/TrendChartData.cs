using System.Globalization;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Charts;

public sealed record TrendChartData(
    string Title,
    string? Subtitle,
    IReadOnlyList<ChartPoint> Points,
    IReadOnlyList<TargetPoint> Targets,
    Direction Direction,
    bool Percentage,
    string Unit,
    CultureInfo Culture,
    PeriodGranularity Granularity);
