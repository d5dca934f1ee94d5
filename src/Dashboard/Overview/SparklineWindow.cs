using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// How much history a KPI tile's sparkline shows, read the way the tile reads the KPI: twelve months, or for KPIs
/// reported yearly or half-yearly (rankings) five years, one figure a year. Twelve months of a yearly ranking hold
/// one figure at most, which draws as a lone dot.
/// </summary>
public static class SparklineWindow
{
    // TrendQuery starts (months - 1) months before this one: 48 months back is this month four years ago, so five calendar years.
    private const int FiveYears = 49;

    public static (int Months, PeriodGranularity Granularity) For(KpiDefinition kpi) => kpi.Period switch
    {
        ReportingPeriod.Yearly or ReportingPeriod.HalfYearly => (FiveYears, PeriodGranularity.Year),
        _ => (12, PeriodGranularity.Month),
    };
}
