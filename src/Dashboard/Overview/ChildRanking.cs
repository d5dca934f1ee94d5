using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// A unit's children for one KPI this month, ranked (1 = best, honouring the KPI's direction) with their rank last
/// month; the KPI page shows it and the exports write it.
/// </summary>
public sealed class ChildRanking(KpiReader reader, Catalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<KpiRow>> RowsAsync(KpiDefinition kpi, OrgUnit unit, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = VietnamTime.StartOf(thisMonth.AddMonths(-1));
        var to = VietnamTime.StartOf(thisMonth.AddMonths(1));
        var rows = new List<(OrgUnit Unit, RolledValue Now, RolledValue Before)>();
        foreach (var child in catalog.Units.AsOf(today).ChildrenOf(unit.Code))
        {
            var series = await reader.GetSeriesAsync(kpi.Code, child.Code, from, to, PeriodGranularity.Month, cancellationToken);
            rows.Add((child, series[^1].Value, series[0].Value));
        }

        var rankNow = Ranks(kpi, rows.Select(r => (r.Unit.Code, r.Now.Value)));
        var rankBefore = Ranks(kpi, rows.Select(r => (r.Unit.Code, r.Before.Value)));
        return rows
            .Select(r =>
            {
                var target = catalog.Targets.For(kpi.Code, r.Unit, today.Year);
                return new KpiRow(r.Unit, r.Now, target, StatusRule.Evaluate(r.Now.Value, target, kpi.Direction),
                    rankNow.GetValueOrDefault(r.Unit.Code), rankBefore.GetValueOrDefault(r.Unit.Code));
            })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Unit.NameVi, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>1 = best, honouring the KPI's direction; units without a value get no rank.</summary>
    private static Dictionary<string, int?> Ranks(KpiDefinition kpi, IEnumerable<(string Unit, double? Value)> values)
    {
        var ordered = values.Where(v => v.Value is not null);
        ordered = kpi.Direction == Direction.LowerIsBetter ? ordered.OrderBy(v => v.Value) : ordered.OrderByDescending(v => v.Value);
        return ordered.Select((v, i) => (v.Unit, Rank: (int?)(i + 1))).ToDictionary(v => v.Unit, v => v.Rank, StringComparer.Ordinal);
    }
}
