using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Alerts.Tests.Evaluation.EvaluationFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Evaluation;

/// <summary>Projection rules over a real SQLite store on 15 June 2026: a flow's pace of the months that ended, a stock's trend.</summary>
public sealed class ProjectionEvaluationTests : IDisposable
{
    private readonly EvaluationFixture _data = new();

    [Fact]
    public async Task PaceProjection_ThatMissesTheYearsTarget_Fires_OneThatMeetsItDoesNot()
    {
        var rule = Rule("online-projection", RuleKind.Projection, "{unit}: dự báo cuối năm {projection}, mục tiêu {target} ({method}).") with
        {
            Projection = new ProjectionSettings(ProjectionMethod.Pace, 6),
        };
        for (int month = 1; month <= 5; month++)
        {
            await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(month), 60, 100, "s"), Observation.Ratio(Ratio, CommuneB, Month(month), 95, 100, "s"));
        }

        // June is still running: a good start of the month does not change the pace of the months that ended.
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 100, 100, "s"));
        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        var behind = Find(conditions, "online-projection", CommuneA);
        Assert.Equal((ConditionStatus.Breaching, (double?)60.0, (double?)90.0), (behind.Status, behind.Value, behind.Target));
        Assert.Equal("Xã Bản Giang, Tam Đường: dự báo cuối năm 60,0 %, mục tiêu 90,0 % (nhịp độ từ đầu năm).", behind.Summary);
        Assert.Equal(ConditionStatus.Ok, Find(conditions, "online-projection", CommuneB).Status);
    }

    [Fact]
    public async Task PaceProjection_OfACount_ScalesTheMonthsThatEnded_ToTwelve()
    {
        var rule = Rule("late-projection", RuleKind.Projection, "{unit}: {projection}", Count) with { Projection = new ProjectionSettings(ProjectionMethod.Pace, 6) };
        for (int month = 1; month <= 5; month++)
        {
            await _data.WriteAsync(Observation.Scalar(Count, Department, Month(month), 100, "s"), Observation.Scalar(Count, CommuneA, Month(month), 80, "s"));
        }

        await _data.WriteAsync(Observation.Scalar(Count, Department, Month(6), 1, "s"));
        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        // 500 late dossiers in five months is 1,200 by December, above the 1,000 allowed; 400 is 960.
        var department = Find(conditions, "late-projection", Department, Count);
        Assert.Equal((ConditionStatus.Breaching, (double?)1200), (department.Status, department.Value));
        Assert.Equal("Sở Nội vụ: 1.200", department.Summary);
        Assert.Equal(ConditionStatus.Ok, Find(conditions, "late-projection", CommuneA, Count).Status);
    }

    [Fact]
    public async Task TrendProjection_OfAStock_ReadsTheLineAtDecember()
    {
        var rule = Rule("score-projection", RuleKind.Projection, "{unit}: {projection}", Score) with { Projection = new ProjectionSettings(ProjectionMethod.LinearTrend, 6) };
        for (int month = 1; month <= 6; month++)
        {
            // A: 40 → 65 rising 5 a month (95 by December); B: 80 → 70 falling 2 a month (58 by December).
            await _data.WriteAsync(Observation.Scalar(Score, CommuneA, Month(month), 35 + (5 * month), "s"), Observation.Scalar(Score, CommuneB, Month(month), 82 - (2 * month), "s"));
        }

        var conditions = await _data.Evaluator(rule).EvaluateAsync(null, Ct);

        Assert.Equal(ConditionStatus.Ok, Find(conditions, "score-projection", CommuneA, Score).Status);
        var falling = Find(conditions, "score-projection", CommuneB, Score);
        Assert.Equal(ConditionStatus.Breaching, falling.Status);
        Assert.Equal(58, falling.Value!.Value, 6);
    }

    public void Dispose() => _data.Dispose();
}
