using System.Globalization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// A unit's children for one KPI in the current reporting period (this month; this quarter or year for KPIs
/// reported so), ranked with their rank in the period before; the KPI page shows it and the exports write it.
/// Ranks compare a child only with its siblings of the same level (departments with departments, communes with
/// communes), because a department's and a commune's figures measure different work; so the table of the
/// province holds a rank 1 per level whatever the reader filters. Equal values share a rank, standard competition
/// style (1, 2, 2, 4), and 1 is the best value in the KPI's direction.
/// </summary>
public sealed class ChildRanking(KpiReader reader, Catalog catalog, TimeProvider time)
{
    /// <summary>The children of the query's level in its order, with the levels present among all children.</summary>
    public async Task<ChildTable> TableAsync(KpiDefinition kpi, OrgUnit unit, ChildTableQuery query, CultureInfo culture, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(time.GetUtcNow());
        var granularity = kpi.Period.Granularity();
        var current = PeriodBucket.Floor(today, granularity);
        var before = PeriodBucket.Floor(current.AddDays(-1), granularity);
        var from = VietnamTime.StartOf(before);
        var to = VietnamTime.StartOf(PeriodBucket.Next(current, granularity));
        var children = catalog.Units.AsOf(today).ChildrenOf(unit.Code);
        var series = await reader.GetSeriesAsync(kpi.Code, children.Select(c => c.Code).ToList(), from, to, granularity, cancellationToken);
        var figures = children.Select(child => (Unit: child, Now: series[child.Code][^1].Value, Before: series[child.Code][0].Value)).ToList();

        var rankNow = new Dictionary<string, int>(StringComparer.Ordinal);
        var rankBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in figures.GroupBy(f => f.Unit.Level, StringComparer.Ordinal))
        {
            Merge(rankNow, CompetitionRanks.Of(kpi.Direction, level.Select(f => (f.Unit.Code, f.Now.Value))));
            Merge(rankBefore, CompetitionRanks.Of(kpi.Direction, level.Select(f => (f.Unit.Code, f.Before.Value))));
        }

        var rows = figures
            .Select(f =>
            {
                var target = catalog.Targets.For(kpi.Code, f.Unit, today.Year);
                return new KpiRow(f.Unit, f.Now, target, StatusRule.Evaluate(f.Now.Value, target, kpi.Direction),
                    rankNow.TryGetValue(f.Unit.Code, out int now) ? now : null,
                    rankBefore.TryGetValue(f.Unit.Code, out int was) ? was : null);
            })
            .ToList();
        var levels = rows
            .GroupBy(r => r.Unit.Level, StringComparer.Ordinal)
            .OrderBy(g => catalog.Units.LevelOrder(g.Key))
            .Select(g => (catalog.Units.FindLevel(g.Key) ?? new OrgLevel(g.Key, g.Key, g.Key), g.Count()))
            .ToList();
        return new ChildTable(levels, rows.Count, query.Apply(rows, catalog.Units, culture), granularity);
    }

    private static void Merge(Dictionary<string, int> into, Dictionary<string, int> ranks)
    {
        foreach (var (unit, rank) in ranks)
        {
            into[unit] = rank;
        }
    }
}
