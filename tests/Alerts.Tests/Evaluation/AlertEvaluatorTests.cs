using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Alerts.Tests.Evaluation.EvaluationFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Evaluation;

/// <summary>
/// <see cref="KpiMonitor.Alerts.Evaluation.AlertEvaluator"/> over a real SQLite store: each rule kind breaches on the
/// data that should and not on the data that should not, with Vietnamese summaries.
/// </summary>
public sealed class AlertEvaluatorTests : IDisposable
{
    private const string TargetSummary = "{unit}: {kpi} kỳ {period} đạt {value}, mục tiêu {target} ({status}). {link}";

    private readonly EvaluationFixture _data = new();

    [Fact]
    public async Task TargetRule_UnitMissingItsTarget_IsCritical_AndOkOnceTheFigureRecovers()
    {
        var evaluator = _data.Evaluator(Rule("online-target", RuleKind.Target, TargetSummary));
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 432, 1000, "s"), Observation.Ratio(Ratio, CommuneB, Month(6), 88, 100, "s"));

        var low = await evaluator.EvaluateAsync(null, Ct);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 950, 1000, "s"));
        var recovered = await evaluator.EvaluateAsync(null, Ct);

        var missed = Find(low, "online-target", CommuneA);
        Assert.Equal((ConditionStatus.Breaching, AlertSeverity.Critical), (missed.Status, missed.Severity));
        Assert.Equal(
            "Xã Bản Giang, Tam Đường: Tỷ lệ hồ sơ nộp trực tuyến kỳ 06/2026 đạt 43,2 %, mục tiêu 90,0 % (không đạt). http://kpi.test/chi-tieu/online_dossier_rate?unit=P.H1.XA",
            missed.Summary);
        // 88 % is within the 5-point band below 90 %: at risk, a warning.
        Assert.Equal((ConditionStatus.Breaching, AlertSeverity.Warning), (Find(low, "online-target", CommuneB).Status, Find(low, "online-target", CommuneB).Severity));
        Assert.Equal(ConditionStatus.NoData, Find(low, "online-target", Department).Status);
        Assert.Equal(ConditionStatus.Ok, Find(recovered, "online-target", CommuneA).Status);
    }

    [Fact]
    public async Task MonthOnMonthRule_FiresOnAFallOfMoreThanTenPoints_NotOnASmallerOne()
    {
        var rule = Rule("online-drop", RuleKind.Threshold, "{unit}: {kpi} giảm {change} so với tháng trước ({previous} → {value}).") with
        {
            Threshold = new ThresholdSettings(ThresholdComparison.MonthOnMonth, null, -10, ChangeUnit.Points),
        };
        await _data.WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(5), 80, 100, "s"), Observation.Ratio(Ratio, CommuneA, Month(6), 655, 1000, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(5), 80, 100, "s"), Observation.Ratio(Ratio, CommuneB, Month(6), 71, 100, "s"));

        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        var fall = Find(conditions, "online-drop", CommuneA);
        Assert.Equal(ConditionStatus.Breaching, fall.Status);
        Assert.Equal("Xã Bản Giang, Tam Đường: Tỷ lệ hồ sơ nộp trực tuyến giảm 14,5 điểm phần trăm so với tháng trước (80,0 % → 65,5 %).", fall.Summary);
        Assert.Equal(ConditionStatus.Ok, Find(conditions, "online-drop", CommuneB).Status);
    }

    [Fact]
    public async Task YearOnYearRule_InPercent_ComparesWithTheSameMonthLastYear()
    {
        var rule = Rule("late-growth", RuleKind.Threshold, "{unit}: tăng {change} ({previous} → {value}), ngưỡng {threshold}", Count) with
        {
            Threshold = new ThresholdSettings(ThresholdComparison.YearOnYear, 50, null, ChangeUnit.Percent),
        };
        await _data.WriteAsync(
            Observation.Scalar(Count, Department, Month(6, 2025), 200, "s"), Observation.Scalar(Count, Department, Month(5), 1000, "s"),
            Observation.Scalar(Count, Department, Month(6), 350, "s"),
            Observation.Scalar(Count, CommuneA, Month(6, 2025), 100, "s"), Observation.Scalar(Count, CommuneA, Month(6), 120, "s"),
            Observation.Scalar(Count, CommuneB, Month(6), 500, "s"));

        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        // May's 1,000 is not the comparison: June 2025's 200 is.
        Assert.Equal("Sở Nội vụ: tăng 75,0 % (200 → 350), ngưỡng 50,0 %", Find(conditions, "late-growth", Department, Count).Summary);
        Assert.Equal(ConditionStatus.Ok, Find(conditions, "late-growth", CommuneA, Count).Status);
        Assert.Equal(ConditionStatus.NoData, Find(conditions, "late-growth", CommuneB, Count).Status);
    }

    [Fact]
    public async Task ValueRule_WritesCountsTheVietnameseWay()
    {
        var rule = Rule("late", RuleKind.Threshold, "{unit}: {value} hồ sơ trễ hạn kỳ {period} (ngưỡng {threshold}).", Count) with
        {
            Threshold = new ThresholdSettings(ThresholdComparison.Value, 1000, null, null),
        };
        await _data.WriteAsync(Observation.Scalar(Count, Department, Month(6), 1953, "s"), Observation.Scalar(Count, CommuneA, Month(6), 999, "s"));

        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        Assert.Equal("Sở Nội vụ: 1.953 hồ sơ trễ hạn kỳ 06/2026 (ngưỡng 1.000).", Find(conditions, "late", Department, Count).Summary);
        Assert.Equal(ConditionStatus.Ok, Find(conditions, "late", CommuneA, Count).Status);
    }

    [Fact]
    public async Task StaleUnit_Breaches_AndTurnsOkOnlyWhenAFigureOfANewerPeriodArrives()
    {
        var rule = Rule("stale", RuleKind.Stale, "{unit} chưa có số liệu mới cho {kpi} (gần nhất: {lastFigure}, hạn: {due}).") with
        {
            Stale = new StaleSettings(TimeSpan.FromDays(3)),
        };
        var evaluator = _data.Evaluator(rule);
        // A's newest month is April: May's figure was due when May ended, plus three days. B sent May's.
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(4), 50, 100, "s"), Observation.Ratio(Ratio, CommuneB, Month(5), 50, 100, "s"));

        var first = await evaluator.EvaluateAsync(null, Ct);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(4), 70, 100, "s"));
        _data.Clock.Advance(TimeSpan.FromDays(1));
        var stillMissing = await evaluator.EvaluateAsync(null, Ct);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(5), 70, 100, "s"));
        var arrived = await evaluator.EvaluateAsync(null, Ct);

        var stale = Find(first, "stale", CommuneA);
        Assert.Equal((ConditionStatus.Breaching, Month(4)), (stale.Status, stale.FigureAt));
        Assert.Equal("Xã Bản Giang, Tam Đường chưa có số liệu mới cho Tỷ lệ hồ sơ nộp trực tuyến (gần nhất: 04/2026, hạn: 04/06/2026).", stale.Summary);
        Assert.Equal(ConditionStatus.Ok, Find(first, "stale", CommuneB).Status);
        // The province rolls its communes up: B's May figure is its newest. The department never reported this KPI.
        Assert.Equal(ConditionStatus.Ok, Find(first, "stale", Province).Status);
        Assert.Equal(ConditionStatus.NoData, Find(first, "stale", Department).Status);
        Assert.Equal(ConditionStatus.Breaching, Find(stillMissing, "stale", CommuneA).Status);
        Assert.Equal((ConditionStatus.Ok, Month(5)), (Find(arrived, "stale", CommuneA).Status, Find(arrived, "stale", CommuneA).FigureAt));
    }

    [Fact]
    public async Task SourceWithThreeFailuresInARow_IsDown_OneWithOneIsNot()
    {
        var rule = Rule("source-down", RuleKind.SourceDown, "Nguồn {source}: {failures} lần lỗi liên tiếp, thành công cuối {lastSuccess}. Lỗi: {error}. {link}", kpi: null) with
        {
            Severity = AlertSeverity.Critical,
            SourceDown = new SourceDownSettings([], 3, null),
        };
        var now = _data.Clock.GetUtcNow();
        await _data.Store.WriteSourceHealthAsync(new SourceHealth("eoffice", now, now.AddHours(-2), "HTTP 503", TimeSpan.FromSeconds(1), 0, 3), Ct);
        await _data.Store.WriteSourceHealthAsync(new SourceHealth("onestop", now, now.AddHours(-1), "timeout", TimeSpan.FromSeconds(1), 0, 1), Ct);

        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        var down = conditions.Single(c => c.Key == new AlertKey("source-down", Source: "eoffice")).Condition;
        Assert.Equal((ConditionStatus.Breaching, AlertSeverity.Critical), (down.Status, down.Severity));
        Assert.Equal("Nguồn eoffice: 3 lần lỗi liên tiếp, thành công cuối 15/06/2026 08:00. Lỗi: HTTP 503. http://kpi.test/nguon-du-lieu", down.Summary);
        Assert.Equal(ConditionStatus.Ok, conditions.Single(c => c.Key == new AlertKey("source-down", Source: "onestop")).Condition.Status);
    }

    [Fact]
    public async Task TargetBreach_ThroughTheBook_IsPendingForItsForEvaluations_ThenFires_SinceTheFirst()
    {
        var rule = Rule("online-target", RuleKind.Target, "{unit}: {status} từ {since}") with { For = 2 };
        var evaluator = _data.Evaluator(rule);
        var book = new AlertBook(_data.Clock, quietHours: null);
        var key = new AlertKey("online-target", CommuneA, Ratio);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 40, 100, "s"));

        book.Evaluate(await evaluator.EvaluateAsync(book, Ct), []);
        var afterFirst = book.Get(key).Phase;
        _data.Clock.Advance(TimeSpan.FromHours(1));
        book.Evaluate(await evaluator.EvaluateAsync(book, Ct), []);
        var afterSecond = book.Get(key).Phase;
        _data.Clock.Advance(TimeSpan.FromHours(1));
        var third = book.Evaluate(await evaluator.EvaluateAsync(book, Ct), []);

        Assert.Equal((AlertPhase.Pending, AlertPhase.Pending, AlertPhase.Firing), (afterFirst, afterSecond, book.Get(key).Phase));
        // The province rolls A up and misses too; A's own notification is the one looked at.
        var told = Assert.Single(third.Notifications, n => n.Key == key);
        Assert.Equal("Xã Bản Giang, Tam Đường: không đạt từ 15/06/2026 10:00", told.Snapshot.Summary);
    }

    public void Dispose() => _data.Dispose();
}
