using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// What the children's assessments of each KPI say, gathered KPI by KPI: target attainment per level, the biggest
/// changes, missing figures and league tables. It counts and orders the assessor's statuses and ranks; it judges nothing.
/// </summary>
internal sealed class KpiFindings(OrgTree tree, ReportOptions options)
{
    private readonly List<TargetAttainment> _attainment = [];
    private readonly List<UnitChange> _changes = [];
    private readonly List<MissingFigure> _missing = [];
    private readonly List<LeagueTable> _leagues = [];
    private readonly List<UnreportedKpi> _unreported = [];

    public IReadOnlyList<TargetAttainment> Attainment => _attainment;

    public IReadOnlyList<UnitChange> Changes => _changes;

    public IReadOnlyList<MissingFigure> Missing => _missing;

    public IReadOnlyList<LeagueTable> Leagues => _leagues;

    public IReadOnlyList<UnreportedKpi> Unreported => _unreported;

    public void Add(KpiDefinition kpi, IReadOnlyList<KpiAssessment> children)
    {
        foreach (var level in children.GroupBy(c => c.Unit.Level, StringComparer.Ordinal).OrderBy(g => tree.LevelOrder(g.Key)))
        {
            var orgLevel = tree.FindLevel(level.Key) ?? new OrgLevel(level.Key, level.Key, level.Key);
            var units = level.ToList();
            if (units.Any(u => u.Target is not null))
            {
                _attainment.Add(new TargetAttainment(kpi, orgLevel, units.Count,
                    units.Count(u => u.Status == KpiStatus.Met),
                    units.Count(u => u.Status == KpiStatus.AtRisk),
                    units.Count(u => u.Status == KpiStatus.Missed),
                    units.Count(u => u.Status == KpiStatus.NoData),
                    units.Count(u => u.Status == KpiStatus.NoTarget)));
            }

            if (kpi.Direction != Direction.Neutral)
            {
                _leagues.Add(League(kpi, orgLevel, units));
            }
        }

        _missing.AddRange(children.Where(c => c.Value.Value is null).Select(c => new MissingFigure(kpi, c.Unit, c.Period)));
        if (children.Count > 0 && children.All(c => c.Value.Value is null))
        {
            _unreported.Add(new UnreportedKpi(kpi, children[0].Period, children.Count));
        }

        if (kpi.Direction != Direction.Neutral)
        {
            AddChanges(kpi, children, ChangeBasis.PreviousPeriod, a => a.Previous.Value);
            AddChanges(kpi, children, ChangeBasis.LastYear, a => a.LastYear.Value);
        }
    }

    private LeagueTable League(KpiDefinition kpi, OrgLevel level, List<KpiAssessment> units)
    {
        var ranked = units.Where(u => u.Rank is not null)
            .OrderBy(u => u.Rank)
            .ThenBy(u => u.Unit.NameVi, StringComparer.Ordinal)
            .ToList();
        var top = ranked.Take(options.LeagueSize).ToList();
        var bottom = ranked.Skip(top.Count).TakeLast(options.LeagueSize).ToList();
        return new LeagueTable(kpi, level, ranked.Count, top, bottom);
    }

    private void AddChanges(KpiDefinition kpi, IReadOnlyList<KpiAssessment> children, ChangeBasis basis, Func<KpiAssessment, double?> before)
    {
        var changes = children
            .Where(c => c.Value.Value is not null && before(c) is not null)
            .Select(c =>
            {
                double was = before(c)!.Value;
                double change = c.Value.Value!.Value - was;
                return new UnitChange(c, basis, was, change, kpi.Direction == Direction.HigherIsBetter ? change > 0 : change < 0);
            })
            .Where(c => Math.Abs(c.Change) > 1e-9)
            .ToList();
        _changes.AddRange(changes.Where(c => c.Improvement).OrderByDescending(c => Math.Abs(c.Change))
            .ThenBy(c => c.Assessment.Unit.NameVi, StringComparer.Ordinal).Take(options.Movements));
        _changes.AddRange(changes.Where(c => !c.Improvement).OrderByDescending(c => Math.Abs(c.Change))
            .ThenBy(c => c.Assessment.Unit.NameVi, StringComparer.Ordinal).Take(options.Movements));
    }
}
