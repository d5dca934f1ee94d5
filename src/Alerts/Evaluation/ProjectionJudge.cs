using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Projection rules: the year-end projection (<see cref="YearEndProjection"/>) against the target of this year, judged by
/// the shared <see cref="StatusRule"/> (direction, a target's own direction): anything short of met breaches.
/// No projection or no target for the year is nothing to judge.
/// </summary>
internal static class ProjectionJudge
{
    public static AlertCondition Judge(AlertRule rule, AlertKey key, OrgUnit unit, KpiDefinition kpi, double? projection, Target? target, int year, SummaryText text)
    {
        if (projection is not { } projected || target is null)
        {
            return AlertCondition.NoData;
        }

        var status = StatusRule.Evaluate(projected, target, kpi.Direction);
        if (status is not (KpiStatus.AtRisk or KpiStatus.Missed))
        {
            return AlertCondition.Ok();
        }

        var severity = rule.Severity ?? AlertSeverity.Warning;
        var values = SummaryText.For(unit, kpi);
        values["period"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["value"] = SummaryText.Number(projected, kpi);
        values["projection"] = SummaryText.Number(projected, kpi);
        values["target"] = SummaryText.Number(target.Value, kpi);
        values["method"] = SummaryText.Method(rule.Projection!.Method, rule.Projection.Months);
        return AlertCondition.Breaching(severity, text.Render(rule, key, severity, values), projected, target.Value);
    }
}
