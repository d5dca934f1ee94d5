using System.Globalization;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// A unit's children for one KPI in a reporting period (the month, or the quarter or year for KPIs reported so,
/// holding the day asked for), ranked with their rank in the period before, from their assessments
/// (<see cref="KpiAssessor.ChildrenAsync"/>); the KPI page shows it and the exports write it. Ranks compare a child
/// only with its siblings of the same level, so the table of the province holds a rank 1 per level whatever the
/// reader filters. Equal values share a rank, standard competition style (1, 2, 2, 4), and 1 is the best value in
/// the KPI's direction.
/// </summary>
public sealed class ChildRanking(KpiAssessor assessor, Catalog catalog)
{
    /// <summary>
    /// The children of the query's level in its order for the period holding <paramref name="day"/>, with the levels
    /// present among all children.
    /// </summary>
    public async Task<ChildTable> TableAsync(KpiDefinition kpi, OrgUnit unit, DateOnly day, ChildTableQuery query, CultureInfo culture, CancellationToken cancellationToken)
    {
        var rows = (await assessor.ChildrenAsync(kpi, unit, day, cancellationToken))
            .Select(a => new KpiRow(a.Unit, a.Value, a.Target, a.Status, a.Rank, a.PreviousRank))
            .ToList();
        var levels = rows
            .GroupBy(r => r.Unit.Level, StringComparer.Ordinal)
            .OrderBy(g => catalog.Units.LevelOrder(g.Key))
            .Select(g => (catalog.Units.FindLevel(g.Key) ?? new OrgLevel(g.Key, g.Key, g.Key), g.Count()))
            .ToList();
        return new ChildTable(levels, rows.Count, query.Apply(rows, catalog.Units, culture), kpi.Period.Granularity());
    }
}
