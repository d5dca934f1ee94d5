using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;
using static KpiMonitor.Alerts.Tests.Evaluation.EvaluationFixture;

namespace KpiMonitor.Alerts.Tests.Evaluation;

/// <summary>
/// When the figure after the newest is due, for every reporting period: at the end of the period after the newest one,
/// plus the rule's grace (3 days), in Vietnamese time. A half-year is two quarters, not one.
/// </summary>
public sealed class StaleDueDateTests
{
    private static readonly AlertRule StaleRule = Rule("stale", RuleKind.Stale, "{unit}: hạn {due}, gần nhất {lastFigure}") with
    {
        Stale = new StaleSettings(TimeSpan.FromDays(3)),
    };

    [Theory]
    [InlineData(ReportingPeriod.Monthly, "2026-04-01", "2026-06-03", "2026-06-05", "04/06/2026", "04/2026")]
    [InlineData(ReportingPeriod.Quarterly, "2026-01-01", "2026-07-03", "2026-07-05", "04/07/2026", "Q1/2026")]
    [InlineData(ReportingPeriod.HalfYearly, "2026-01-01", "2027-01-03", "2027-01-05", "04/01/2027", "H1/2026")]
    [InlineData(ReportingPeriod.Yearly, "2025-01-01", "2027-01-03", "2027-01-05", "04/01/2027", "2025")]
    public void TheNextFigure_IsDueAtTheEndOfItsPeriod_PlusTheGrace(ReportingPeriod period, string newest, string stillOk, string late, string due, string lastFigure)
    {
        var catalog = TestCatalog.Create();
        var kpi = catalog.Kpis.Find(TestCatalog.Ratio)! with { Period = period };
        var unit = catalog.Units.Find(TestCatalog.CommuneA)!;
        var key = new AlertKey("stale", unit.Code, kpi.Code);
        var figureAt = VietnamTime.StartOf(DateOnly.Parse(newest, System.Globalization.CultureInfo.InvariantCulture));

        AlertCondition At(string day)
        {
            var now = VietnamTime.StartOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).AddHours(9);
            return StaleJudge.Judge(StaleRule, key, StaleRule.Stale!, unit, kpi, figureAt, now, new SummaryText(Dashboard, now, _ => null));
        }

        Assert.Equal(ConditionStatus.Ok, At(stillOk).Status);
        var breach = At(late);
        Assert.Equal(ConditionStatus.Breaching, breach.Status);
        Assert.Equal($"Xã Bản Giang, Tam Đường: hạn {due}, gần nhất {lastFigure}", breach.Summary);
    }
}
