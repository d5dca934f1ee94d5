using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// How much history a KPI tile's sparkline shows, read the way the tile reads the KPI: twelve months (by quarter
/// for quarterly KPIs), or for KPIs reported yearly or half-yearly (rankings) five years, one figure a year.
/// Twelve months of a yearly ranking hold one figure at most, which draws as a lone dot.
/// </summary>
public static class SparklineWindow
{
    // TrendQuery starts (months - 1) months before this one: 48 months back is this month four years ago, so five calendar years.
    private const int FiveYears = 49;

    /// <summary>Months back and the period to read them by: a year-read KPI over five years, others over twelve months in their own period.</summary>
    public static (int Months, PeriodGranularity Granularity) For(KpiDefinition kpi) => kpi.Period.Granularity() switch
    {
        PeriodGranularity.Year => (FiveYears, PeriodGranularity.Year),
        var granularity => (12, granularity),
    };
}
