using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// The instances a rule has on a day: one per unit in scope (× KPI, for a stale rule over every KPI), or one per
/// source for a source-down rule. The evaluator judges each and hands the conditions to the lifecycle.
/// </summary>
public static class RuleInstances
{
    /// <summary>The keys of <paramref name="rule"/>'s instances on the local date <paramref name="date"/>.</summary>
    public static IEnumerable<AlertKey> Of(AlertRule rule, Catalog catalog, DateOnly date, IReadOnlyCollection<string> sources)
    {
        if (rule.Kind == RuleKind.SourceDown)
        {
            var watched = rule.SourceDown is { Sources.Count: > 0 } settings ? settings.Sources : sources;
            return watched.Select(source => new AlertKey(rule.Code, Source: source));
        }

        var kpis = rule.Kpi is { } kpi ? [kpi] : catalog.Kpis.All.Select(k => k.Code).ToList();
        return catalog.Units.Units
            .Where(unit => unit.ExistsOn(date) && rule.Scope.Covers(unit))
            .SelectMany(unit => kpis.Select(code => new AlertKey(rule.Code, unit.Code, code)));
    }
}
