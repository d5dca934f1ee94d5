using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// Builds the tiles of a unit's month: the value of the reporting period containing the month (last figure of
/// every unit of the subtree, rolled up), the period before, the same period a year earlier, the target of that
/// year and a trend. Yearly KPIs (rankings) read by year, so a November overview still shows this year's rank.
/// </summary>
public sealed class OverviewService(KpiReader reader, Catalog catalog)
{
    /// <summary>Every KPI's tile; the KPIs are read side by side (the store limits how many at once).</summary>
    public async Task<IReadOnlyList<KpiTile>> TilesAsync(string unitCode, DateOnly month, CancellationToken cancellationToken)
    {
        var unit = catalog.Units.Find(unitCode) ?? throw new KeyNotFoundException(unitCode);
        return await Task.WhenAll(catalog.Kpis.All.Select(kpi => TileAsync(kpi, unit, month, cancellationToken)));
    }

    /// <summary>One KPI's tile.</summary>
    public Task<KpiTile> TileAsync(KpiDefinition kpi, string unitCode, DateOnly month, CancellationToken cancellationToken) =>
        TileAsync(kpi, catalog.Units.Find(unitCode) ?? throw new KeyNotFoundException(unitCode), month, cancellationToken);

    private async Task<KpiTile> TileAsync(KpiDefinition kpi, OrgUnit unit, DateOnly month, CancellationToken cancellationToken)
    {
        var granularity = kpi.Period.Granularity();
        int periodsPerYear = granularity switch { PeriodGranularity.Year => 1, PeriodGranularity.Quarter => 4, _ => 12 };
        var current = PeriodBucket.Floor(month, granularity);
        var first = current.AddYears(-1);
        var series = await reader.GetSeriesAsync(kpi.Code, unit.Code, VietnamTime.StartOf(first),
            VietnamTime.StartOf(PeriodBucket.Next(current, granularity)), granularity, cancellationToken);
        var value = series[^1].Value;
        var target = catalog.Targets.For(kpi.Code, unit, month.Year);
        return new KpiTile(kpi, value, series.Count > 1 ? series[^2].Value.Value : null,
            series.Count > periodsPerYear ? series[^(periodsPerYear + 1)].Value.Value : null, target,
            StatusRule.Evaluate(value.Value, target, kpi.Direction), month);
    }
}
