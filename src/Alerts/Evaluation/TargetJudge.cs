using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Target rules: the status of the KPI assessment, nothing computed again. At risk → warning, missed → critical,
/// met or no target → satisfied, no figure → nothing to judge.
/// </summary>
internal static class TargetJudge
{
    public static AlertCondition Judge(AlertRule rule, AlertKey key, KpiAssessment a, SummaryText text)
    {
        var figureAt = a.Value.Value is null ? (DateTimeOffset?)null : VietnamTime.StartOf(a.Period);
        AlertSeverity severity;
        switch (a.Status)
        {
            case KpiStatus.NoData:
                return AlertCondition.NoData;
            case KpiStatus.AtRisk:
                severity = AlertSeverity.Warning;
                break;
            case KpiStatus.Missed:
                severity = AlertSeverity.Critical;
                break;
            default:
                return AlertCondition.Ok(figureAt);
        }

        var values = SummaryText.For(a.Unit, a.Kpi);
        values["period"] = TextFormat.Period(a.Period, a.Granularity, SummaryText.Vi);
        values["value"] = SummaryText.Number(a.Value.Value, a.Kpi);
        values["target"] = SummaryText.Number(a.Target?.Value, a.Kpi);
        values["status"] = SummaryText.Status(a.Status);
        return AlertCondition.Breaching(severity, text.Render(rule, key, severity, values), a.Value.Value, a.Target?.Value, figureAt);
    }
}
