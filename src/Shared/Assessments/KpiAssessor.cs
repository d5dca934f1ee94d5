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
        // The three periods it compares, not the year between: a dashboard's first reading at national scale then reads
        // 3 months of every unit instead of 13 (the tile's sparkline reads its year afterwards).
        var window = Window.Of(kpi, day);
        var values = await ReadAsync(kpi, [unit.Code], window, cancellationToken);
        return Assess(kpi, unit, window, values[unit.Code], null, null);
    }

    /// <summary>
    /// Many units' assessments for the KPI's period holding <paramref name="day"/>, each unranked as
    /// <see cref="AssessAsync"/> gives it, from two reads for all of them (the period before with this one, and the same
    /// period a year earlier): what the alert evaluator asks for every unit of the catalogue at once.
    /// </summary>
    public async Task<IReadOnlyList<KpiAssessment>> AssessManyAsync(
        KpiDefinition kpi, IReadOnlyCollection<OrgUnit> units, DateOnly day, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return [];
        }

        var window = Window.Of(kpi, day);
        var codes = units.Select(u => u.Code).Distinct(StringComparer.Ordinal).ToList();
        var values = await ReadAsync(kpi, codes, window, cancellationToken);
        return units.Select(u => Assess(kpi, u, window, values[u.Code], null, null)).ToList();
    }

    /// <summary>
    /// The children of a unit for the KPI's period holding <paramref name="day"/>, in the tree of that period (of today
    /// while it runs), each ranked among its siblings of the same level in that period and in the period before.
    /// </summary>
    public async Task<IReadOnlyList<KpiAssessment>> ChildrenAsync(KpiDefinition kpi, OrgUnit unit, DateOnly day, CancellationToken cancellationToken)
    {
        var window = Window.Of(kpi, day);
        var children = TreeOf(window).ChildrenOf(unit.Code);
        var codes = children.Select(c => c.Code).ToList();
        var values = await ReadAsync(kpi, codes, window, cancellationToken);

        var rankNow = new Dictionary<string, int>(StringComparer.Ordinal);
        var rankBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in children.GroupBy(c => c.Level, StringComparer.Ordinal))
        {
            Merge(rankNow, CompetitionRanks.Of(kpi.Direction, level.Select(c => (c.Code, values[c.Code].Now.Value))));
            Merge(rankBefore, CompetitionRanks.Of(kpi.Direction, level.Select(c => (c.Code, values[c.Code].Before.Value))));
        }

        return children
            .Select(c => Assess(kpi, c, window, values[c.Code],
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

    private KpiAssessment Assess(
        KpiDefinition kpi, OrgUnit unit, Window window, (RolledValue Now, RolledValue Before, RolledValue LastYear) values, int? rank, int? previousRank)
    {
        var value = values.Now;
        var target = TargetFor(kpi, unit, window.Period.Year);
        return new KpiAssessment(kpi, unit, window.Granularity, window.Period, value, values.Before, values.LastYear,
            target, StatusRule.Evaluate(value.Value, target, kpi.Direction), rank, previousRank, InProgress(window.Period, window.Granularity, Today));
    }

    // Two short reads rather than the year between (a table of many children is read on every KPI page); for a yearly
    // KPI the period before is the same period a year earlier, so one read serves both.
    private async Task<Dictionary<string, (RolledValue Now, RolledValue Before, RolledValue LastYear)>> ReadAsync(
        KpiDefinition kpi, IReadOnlyCollection<string> codes, Window window, CancellationToken cancellationToken)
    {
        var recent = await reader.GetSeriesAsync(kpi.Code, codes, Window.Start(window.Before), window.End, window.Granularity, cancellationToken);
        var lastYear = window.LastYear == window.Before
            ? recent
            : await reader.GetSeriesAsync(kpi.Code, codes, Window.Start(window.LastYear), Window.Start(PeriodBucket.Next(window.LastYear, window.Granularity)),
                window.Granularity, cancellationToken);
        return codes.Distinct(StringComparer.Ordinal).ToDictionary(
            code => code, code => (recent[code][^1].Value, recent[code][0].Value, lastYear[code][0].Value), StringComparer.Ordinal);
    }

    private static void Merge(Dictionary<string, int> into, Dictionary<string, int> ranks)
    {
        foreach (var (unit, rank) in ranks)
        {
            into[unit] = rank;
        }
    }

    /// <summary>The periods an assessment compares: the one assessed, the one before and the same one a year earlier (first days).</summary>
    private sealed record Window(PeriodGranularity Granularity, DateOnly Period, DateOnly Before, DateOnly LastYear)
    {
        /// <summary>Where the period assessed ends.</summary>
        public DateTimeOffset End => Start(PeriodBucket.Next(Period, Granularity));

        public static Window Of(KpiDefinition kpi, DateOnly day)
        {
            var granularity = kpi.Period.Granularity();
            var period = PeriodBucket.Floor(day, granularity);
            return new Window(granularity, period, PeriodBucket.Floor(period.AddDays(-1), granularity), period.AddYears(-1));
        }

        public static DateTimeOffset Start(DateOnly firstDay) => VietnamTime.StartOf(firstDay);
    }
}
