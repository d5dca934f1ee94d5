using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Alerts.Tests.Evaluation.EvaluationFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Evaluation;

/// <summary>
/// <see cref="EvaluationSnapshots"/> over a real SQLite store: newest figure times kept up to date from the recent
/// periods, the history read for units without a recent figure, and change versions taken from the caller.
/// </summary>
public sealed class EvaluationSnapshotsTests : IDisposable
{
    private readonly EvaluationFixture _data = new();

    [Fact]
    public async Task NewestFigureTimes_ComeFromTheHistory_ForAUnitSilentForYears_AndMoveForwardWithANewerPeriod()
    {
        await _data.WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(3, 2024), 5, 10, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(5), 5, 10, "s"));
        var snapshots = new EvaluationSnapshots(_data.Store, _data.Catalog, _data.Clock);
        var kpi = _data.Catalog.Kpis.Find(Ratio)!;

        await snapshots.RefreshAsync(Ct);
        var first = await snapshots.GetNewestFigureTimesAsync(kpi, _data.Clock.GetUtcNow(), Ct);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneB, Month(6), 7, 10, "s"));
        await snapshots.RefreshAsync(Ct);
        var second = await snapshots.GetNewestFigureTimesAsync(kpi, _data.Clock.GetUtcNow(), Ct);

        Assert.Equal((Month(3, 2024), Month(5)), (first[CommuneA], first[CommuneB]));
        Assert.Equal((Month(3, 2024), Month(6)), (second[CommuneA], second[CommuneB]));
        Assert.False(first.ContainsKey(Department));
    }

    [Fact]
    public async Task Evaluate_WithTheCallersVersions_DoesNotReadThemAgain()
    {
        var rule = Rule("online-target", RuleKind.Target, "{unit}: {value}");
        var evaluator = _data.Evaluator(rule);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 43, 100, "s"));
        var before = await _data.Store.GetChangeVersionsAsync(Ct);
        var low = await evaluator.EvaluateAsync(null, before, Ct);

        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 95, 100, "s"));
        // The caller's versions are the ones before the write: the snapshot read then still stands.
        var stillLow = await evaluator.EvaluateAsync(null, before, Ct);
        var recovered = await evaluator.EvaluateAsync(null, await _data.Store.GetChangeVersionsAsync(Ct), Ct);

        Assert.Equal(ConditionStatus.Breaching, Find(low, "online-target", CommuneA).Status);
        Assert.Equal(ConditionStatus.Breaching, Find(stillLow, "online-target", CommuneA).Status);
        Assert.Equal(ConditionStatus.Ok, Find(recovered, "online-target", CommuneA).Status);
    }

    [Fact]
    public async Task AChangedKpisWindows_AreReadAgainBeforeTheEvaluationAsksForThem()
    {
        var snapshots = new EvaluationSnapshots(_data.Store, _data.Catalog, _data.Clock);
        var kpi = _data.Catalog.Kpis.Find(Ratio)!;
        var june = new DateOnly(2026, 6, 1);
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 40, 100, "s"));
        await snapshots.RefreshAsync(Ct);
        await snapshots.GetAsync(kpi, Shared.Periods.PeriodGranularity.Month, june, june, Ct);

        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 60, 100, "s"));
        await snapshots.RefreshAsync(Ct);
        await snapshots.ReadChangedAsync(2, Ct);
        // Written after the window was read again: this evaluation sees 60 %, the next one (after its refresh) 80 %.
        await _data.WriteAsync(Observation.Ratio(Ratio, CommuneA, Month(6), 80, 100, "s"));
        var window = await snapshots.GetAsync(kpi, Shared.Periods.PeriodGranularity.Month, june, june, Ct);

        Assert.Equal(60, window.Series(CommuneA, june, june)[0].Value.Value!.Value, 6);
    }

    public void Dispose() => _data.Dispose();
}
