using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Stale-data rules. A unit/KPI's figure time is the start of the newest reporting period it has a figure for — its own,
/// or for a unit that rolls up, any unit's of its subtree today — not when that figure arrived: a collector rewriting
/// this month's figure every hour is not a new period. With October the newest, November's figure is due when November
/// has ended, plus the rule's grace; past that the instance breaches. It is satisfied, and an alert of it resolves,
/// only when a figure of a newer period arrives (<see cref="AlertPolicy.ResolvesOnNewFigureOnly"/>, fed by
/// <see cref="AlertCondition.FigureAt"/>). A unit/KPI that never had a figure is nothing to judge: the KPI is not one it reports.
/// </summary>
internal static class StaleJudge
{
    /// <summary>The newest figure time of every unit (its subtree's, when the KPI rolls up), from every unit's own newest figure.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> FigureTimes(IReadOnlyDictionary<string, DateTimeOffset> own, KpiDefinition kpi, OrgSnapshot tree)
    {
        if (kpi.Rollup == RollupMethod.None)
        {
            return own;
        }

        var rolled = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var root in tree.Roots)
        {
            RollUp(tree, root.Code, own, rolled);
        }

        return rolled;
    }

    public static AlertCondition Judge(AlertRule rule, AlertKey key, StaleSettings settings, OrgUnit unit, KpiDefinition kpi, DateTimeOffset? figureAt, DateTimeOffset now, SummaryText text)
    {
        if (figureAt is not { } newest)
        {
            return AlertCondition.NoData;
        }

        var period = kpi.Period.FirstDayOf(VietnamTime.DateOf(newest));
        // The period after the newest is due when it has ended: at the start of the one after it.
        var due = VietnamTime.StartOf(kpi.Period.NextFirstDay(kpi.Period.NextFirstDay(period))) + settings.Grace;
        if (now <= due)
        {
            return AlertCondition.Ok(newest);
        }

        var severity = rule.Severity ?? AlertSeverity.Warning;
        var values = SummaryText.For(unit, kpi);
        values["lastFigure"] = TextFormat.Period(period, kpi.Period, SummaryText.Vi);
        values["due"] = TextFormat.Date(due);
        return AlertCondition.Breaching(severity, text.Render(rule, key, severity, values), figureAt: newest);
    }

    private static DateTimeOffset? RollUp(OrgSnapshot tree, string code, IReadOnlyDictionary<string, DateTimeOffset> own, Dictionary<string, DateTimeOffset> rolled)
    {
        DateTimeOffset? newest = own.TryGetValue(code, out var mine) ? mine : null;
        foreach (var child in tree.ChildrenOf(code))
        {
            if (RollUp(tree, child.Code, own, rolled) is { } theirs && (newest is null || theirs > newest))
            {
                newest = theirs;
            }
        }

        if (newest is { } found)
        {
            rolled[code] = found;
        }

        return newest;
    }
}
