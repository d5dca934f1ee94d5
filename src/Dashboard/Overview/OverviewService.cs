using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// Builds the tiles of a unit's month from the KPIs' assessments (<see cref="KpiAssessor"/>): the value of the
/// reporting period containing the month, the period before, the same period a year earlier, the target of that
/// year and its status. Yearly KPIs (rankings) read by year, so a November overview still shows this year's rank.
/// </summary>
public sealed class OverviewService(KpiAssessor assessor, Catalog catalog)
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
        var assessment = await assessor.AssessAsync(kpi, unit, month, cancellationToken);
        return new KpiTile(kpi, assessment.Value, assessment.Previous.Value, assessment.LastYear.Value, assessment.Target, assessment.Status, month);
    }
}
