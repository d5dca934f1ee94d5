using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Threshold rules on the KPI assessment: its value, or its change against the period before (month on month for a
/// monthly KPI) or the same period a year earlier, in points (the KPI's own unit) or per cent of the earlier value.
/// A missing figure, or a percentage change from zero, is nothing to judge.
/// </summary>
internal static class ThresholdJudge
{
    public static AlertCondition Judge(AlertRule rule, AlertKey key, ThresholdSettings settings, KpiAssessment a, SummaryText text)
    {
        if (a.Value.Value is not { } value)
        {
            return AlertCondition.NoData;
        }

        double? earlier = settings.Compare switch
        {
            ThresholdComparison.MonthOnMonth => a.Previous.Value,
            ThresholdComparison.YearOnYear => a.LastYear.Value,
            _ => null,
        };
        double judged;
        if (settings.Compare == ThresholdComparison.Value)
        {
            judged = value;
        }
        else if (earlier is not { } before || (settings.Unit == ChangeUnit.Percent && before == 0))
        {
            return AlertCondition.NoData;
        }
        else
        {
            judged = settings.Unit == ChangeUnit.Percent ? (value - before) / Math.Abs(before) * 100 : value - before;
        }

        double threshold = settings.Above ?? settings.Below!.Value;
        bool breached = settings.Above is { } above ? judged > above : judged < settings.Below!.Value;
        var figureAt = VietnamTime.StartOf(a.Period);
        if (!breached)
        {
            return AlertCondition.Ok(figureAt);
        }

        var severity = rule.Severity ?? AlertSeverity.Warning;
        var values = SummaryText.For(a.Unit, a.Kpi);
        values["period"] = TextFormat.Period(a.Period, a.Granularity, SummaryText.Vi);
        values["value"] = SummaryText.Number(value, a.Kpi);
        values["target"] = SummaryText.Number(a.Target?.Value, a.Kpi);
        values["previous"] = SummaryText.Number(earlier, a.Kpi);
        bool change = settings.Compare != ThresholdComparison.Value;
        values["change"] = change ? SummaryText.Change(judged, settings.Unit ?? ChangeUnit.Points, a.Kpi) : "—";
        values["threshold"] = change ? SummaryText.Change(threshold, settings.Unit ?? ChangeUnit.Points, a.Kpi) : SummaryText.Number(threshold, a.Kpi);
        return AlertCondition.Breaching(severity, text.Render(rule, key, severity, values), judged, threshold, figureAt);
    }
}
