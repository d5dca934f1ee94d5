using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Assessments;

/// <summary>
/// The one place a KPI is judged: which period a day falls in, which target applies (the period's year, never
/// today's), the status against it, and ranks among siblings. Each KPI is read by its own calendar period
/// (<see cref="ReportingPeriodExtensions.Granularity"/>): a yearly ranking assessed in November is this year's rank.
/// Ranks compare a unit only with its siblings of the same level, because a department's and a commune's figures
/// measure different work.
/// </summary>
public sealed class KpiAssessor(KpiReader reader, Catalog catalog, TimeProvider time)
{
    /// <summary>Today in Vietnam, by the injected clock.</summary>
    public DateOnly Today => VietnamTime.DateOf(time.GetUtcNow());

    /// <summary>Whether the period starting on <paramref name="period"/> holds <paramref name="today"/>: its figures are so far and still growing.</summary>
    public static bool InProgress(DateOnly period, PeriodGranularity granularity, DateOnly today) => period == PeriodBucket.Floor(today, granularity);

    /// <summary>The target of a KPI for a unit in a year: the one the status of any period of that year is judged against.</summary>
    public Target? TargetFor(KpiDefinition kpi, OrgUnit unit, int year) => catalog.Targets.For(kpi.Code, unit, year);

    /// <summary>One unit's assessment for the KPI's period holding <paramref name="day"/>, not ranked (<see cref="KpiAssessment.Rank"/> null).</summary>
    public async Task<KpiAssessment> AssessAsync(KpiDefinition kpi, OrgUnit unit, DateOnly day, CancellationToken cancellationToken)
    {
        var window = Window.Of(kpi, day);
        var series = await reader.GetSeriesAsync(kpi.Code, unit.Code, window.From, window.To, window.Granularity, cancellationToken);
        return Assess(kpi, unit, window, series, null, null);
    }

    /// <summary>
    /// The children of a unit for the KPI's period holding <paramref name="day"/>, in the tree of that period (of today
    /// while it runs), each ranked among its siblings of the same level in that period and in the period before.
    /// </summary>
    public async Task<IReadOnlyList<KpiAssessment>> ChildrenAsync(KpiDefinition kpi, OrgUnit unit, DateOnly day, CancellationToken cancellationToken)
    {
        var window = Window.Of(kpi, day);
        var children = TreeOf(window).ChildrenOf(unit.Code);
        var series = await reader.GetSeriesAsync(kpi.Code, children.Select(c => c.Code).ToList(), window.From, window.To, window.Granularity, cancellationToken);

        var rankNow = new Dictionary<string, int>(StringComparer.Ordinal);
        var rankBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in children.GroupBy(c => c.Level, StringComparer.Ordinal))
        {
            Merge(rankNow, CompetitionRanks.Of(kpi.Direction, level.Select(c => (c.Code, series[c.Code][^1].Value.Value))));
            Merge(rankBefore, CompetitionRanks.Of(kpi.Direction, level.Select(c => (c.Code, series[c.Code][^2].Value.Value))));
        }

        return children
            .Select(c => Assess(kpi, c, window, series[c.Code],
                rankNow.TryGetValue(c.Code, out int now) ? now : null,
                rankBefore.TryGetValue(c.Code, out int was) ? was : null))
            .ToList();
    }

    /// <summary>
    /// One unit's assessment ranked among its siblings of the same level (its parent's children in the period's tree);
    /// a unit without a parent then is assessed unranked.
    /// </summary>
    public async Task<KpiAssessment> AssessAmongSiblingsAsync(KpiDefinition kpi, OrgUnit unit, DateOnly day, CancellationToken cancellationToken)
    {
        var parent = TreeOf(Window.Of(kpi, day)).ParentOf(unit.Code);
        if (parent is null)
        {
            return await AssessAsync(kpi, unit, day, cancellationToken);
        }

        return (await ChildrenAsync(kpi, parent, day, cancellationToken)).Single(a => a.Unit.Code == unit.Code);
    }

    // The tree of the period's last day, or of today while the period runs: the children a past period was ranked among.
    private OrgSnapshot TreeOf(Window window)
    {
        var today = Today;
        var lastDay = PeriodBucket.Next(window.Period, window.Granularity).AddDays(-1);
        return catalog.Units.AsOf(lastDay < today ? lastDay : today);
    }

    private KpiAssessment Assess(KpiDefinition kpi, OrgUnit unit, Window window, IReadOnlyList<RollupSeriesPoint> series, int? rank, int? previousRank)
    {
        // The window is the same period a year earlier up to the period assessed, so the series holds one point more
        // than the periods of a year: the first is last year's, the last two the period before and this one.
        var value = series[^1].Value;
        var target = TargetFor(kpi, unit, window.Period.Year);
        return new KpiAssessment(kpi, unit, window.Granularity, window.Period, value, series[^2].Value, series[0].Value,
            target, StatusRule.Evaluate(value.Value, target, kpi.Direction), rank, previousRank, InProgress(window.Period, window.Granularity, Today));
    }

    private static void Merge(Dictionary<string, int> into, Dictionary<string, int> ranks)
    {
        foreach (var (unit, rank) in ranks)
        {
            into[unit] = rank;
        }
    }

    /// <summary>The periods read for an assessment: from the same period a year earlier to the one assessed.</summary>
    private sealed record Window(PeriodGranularity Granularity, DateOnly Period, DateTimeOffset From, DateTimeOffset To)
    {
        public static Window Of(KpiDefinition kpi, DateOnly day)
        {
            var granularity = kpi.Period.Granularity();
            var period = PeriodBucket.Floor(day, granularity);
            return new Window(granularity, period, VietnamTime.StartOf(period.AddYears(-1)), VietnamTime.StartOf(PeriodBucket.Next(period, granularity)));
        }
    }
}
