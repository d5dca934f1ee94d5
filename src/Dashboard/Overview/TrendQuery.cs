using KpiMonitor.Charts;
using System.Globalization;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// Reads a KPI's rolled-up trend for a unit and turns it, with the targets of each year, into chart data that marks
/// the period still in progress.
/// </summary>
public sealed class TrendQuery(KpiReader reader, Catalog catalog, KpiAssessor assessor, TimeProvider time)
{
    /// <summary>The <paramref name="months"/> months ending with <paramref name="lastMonth"/> (this month when null).</summary>
    public async Task<TrendChartData> ChartAsync(string kpiCode, string unitCode, int months, PeriodGranularity granularity, CultureInfo culture, CancellationToken cancellationToken,
        DateOnly? lastMonth = null)
    {
        var kpi = catalog.Kpis.Find(kpiCode) ?? throw new KeyNotFoundException(kpiCode);
        var unit = catalog.Units.Find(unitCode) ?? throw new KeyNotFoundException(unitCode);
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var thisMonth = PeriodBucket.Floor(lastMonth ?? today, PeriodGranularity.Month);
        var to = VietnamTime.StartOf(thisMonth.AddMonths(1));
        var from = VietnamTime.StartOf(thisMonth.AddMonths(1 - months));
        var series = await reader.GetSeriesAsync(kpi.Code, unit.Code, from, to, granularity, cancellationToken);
        var targets = series
            .Select(p => p.Period.Year).Distinct()
            .Select(year => (Year: year, Target: assessor.TargetFor(kpi, unit, year)))
            .Select(t => new TargetPoint(series.First(p => p.Period.Year == t.Year).Period, t.Target?.Value, t.Target?.WarningBand ?? 0))
            .ToList();
        // The period holding today has not ended: its counts are so far and still growing, so it is drawn as provisional.
        return new TrendChartData(
            kpi.Name(culture),
            unit.Name(culture),
            series.Select(p => new ChartPoint(p.Period, p.Value.Value, KpiAssessor.InProgress(p.Period, granularity, today))).ToList(),
            targets,
            kpi.Direction,
            kpi.IsPercentage,
            kpi.DisplayUnit,
            culture,
            granularity);
    }
}
