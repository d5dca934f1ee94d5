using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// From data to conditions: judges every instance of every rule (<see cref="RuleInstances"/>) once, for the
/// <see cref="AlertBook"/> to turn into transitions. Unit/KPI rules are read KPI by KPI for all units at once: the
/// KPI assessment of the period holding today (<see cref="KpiAssessor.AssessManyAsync"/>, the only place a status is
/// computed), the year so far for projections, each unit's newest figure for stale data. Source-down rules read the
/// collector's health records. Summaries are rendered in Vietnamese for breaches only.
/// </summary>
public sealed class AlertEvaluator
{
    // KPIs (and store reads) at a time. More at once than cores only holds more store answers in memory (the first
    // evaluation reads every KPI's windows): at national scale the peak RSS.
    private static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount, 2, 4);

    private readonly AlertConfig _config;
    private readonly Catalog _catalog;
    private readonly KpiAssessor _assessor;
    private readonly KpiReader _reader;
    private readonly ITimeSeriesStore _store;
    private readonly ISourceHealthStore _health;
    private readonly IReadOnlyCollection<string> _sources;
    private readonly TimeProvider _time;
    private readonly EvaluationSnapshots? _snapshots;
    private readonly Dictionary<string, AlertPolicy> _policies;
    private (DateOnly Day, List<(KpiDefinition Kpi, List<(AlertRule Rule, AlertKey Key)> Instances)> PerKpi)? _instances;

    /// <summary>
    /// An evaluator over the caller's assessor and reader (the dashboard's, with its rollup cache). Give the reader
    /// snapshots (<see cref="IRollupSnapshots"/>): without them a read for thousands of units rolls each subtree up apart.
    /// <c>sources</c> are the codes in <c>sources.json</c>: the sources of a source-down rule that lists none.
    /// </summary>
    public AlertEvaluator(
        AlertConfig config, Catalog catalog, KpiAssessor assessor, KpiReader reader, ITimeSeriesStore store, ISourceHealthStore health,
        IReadOnlyCollection<string> sources, TimeProvider time)
        : this(config, catalog, assessor, reader, store, health, sources, time, null)
    {
    }

    private AlertEvaluator(
        AlertConfig config, Catalog catalog, KpiAssessor assessor, KpiReader reader, ITimeSeriesStore store, ISourceHealthStore health,
        IReadOnlyCollection<string> sources, TimeProvider time, EvaluationSnapshots? snapshots)
    {
        (_config, _catalog, _assessor, _reader, _store, _health, _sources, _time, _snapshots) =
            (config, catalog, assessor, reader, store, health, sources, time, snapshots);
        _policies = config.Rules.ToDictionary(r => r.Code, r => r.Policy(config.EscalateAfter), StringComparer.Ordinal);
    }

    /// <summary>
    /// The alerting service's evaluator: its own assessor over <see cref="EvaluationSnapshots"/>, one store read per KPI
    /// and window, kept between evaluations while the KPI's figures do not change.
    /// </summary>
    public static AlertEvaluator Create(
        AlertConfig config, Catalog catalog, ITimeSeriesStore store, ISourceHealthStore health, IReadOnlyCollection<string> sources, TimeProvider time)
    {
        var snapshots = new EvaluationSnapshots(store, catalog, time);
        var reader = new KpiReader(store, catalog, snapshots);
        return new AlertEvaluator(config, catalog, new KpiAssessor(reader, catalog, time), reader, store, health, sources, time, snapshots);
    }

    /// <summary>
    /// The conditions of one evaluation, one per rule instance, at the injected clock's time (one evaluation at a time:
    /// the alerting service is the single evaluator of ADR 011). <paramref name="book"/>,
    /// when given, dates a breach already pending or firing for the summaries' <c>{since}</c>; otherwise it is now.
    /// </summary>
    public async Task<IReadOnlyList<InstanceCondition>> EvaluateAsync(AlertBook? book, CancellationToken cancellationToken)
    {
        if (_snapshots is not null)
        {
            await _snapshots.RefreshAsync(cancellationToken);
        }

        return await JudgeAsync(book, cancellationToken);
    }

    /// <summary>
    /// As <see cref="EvaluateAsync(AlertBook?, CancellationToken)"/>, with the store's KPI change versions the caller has
    /// just read (the alerting service reads them to decide whether to evaluate): they are not read a second time.
    /// </summary>
    public async Task<IReadOnlyList<InstanceCondition>> EvaluateAsync(
        AlertBook? book, IReadOnlyDictionary<string, long> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _snapshots?.Refresh(versions);
        return await JudgeAsync(book, cancellationToken);
    }

    private async Task<IReadOnlyList<InstanceCondition>> JudgeAsync(AlertBook? book, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var text = new SummaryText(_config.DashboardUrl, now, key =>
            book?.Get(key) is { Phase: AlertPhase.Pending or AlertPhase.Firing } state ? state.Since : null);

        var perKpi = InstancesOn(today);
        if (_snapshots is not null)
        {
            await _snapshots.ReadChangedAsync(Parallelism, cancellationToken);
        }

        // A few KPIs at a time: each is a couple of store reads, then CPU over its units.
        var judged = new List<InstanceCondition>[perKpi.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, perKpi.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                judged[i] = await EvaluateKpiAsync(perKpi[i].Kpi, perKpi[i].Instances, today, now, text, ct);
            });

        var conditions = judged.SelectMany(list => list).ToList();
        conditions.AddRange(await EvaluateSourcesAsync(now, text, cancellationToken));
        return conditions;
    }

    // The instances change only with the day (units come and go by date): 130,000 keys are not rebuilt every evaluation.
    private List<(KpiDefinition Kpi, List<(AlertRule Rule, AlertKey Key)> Instances)> InstancesOn(DateOnly today)
    {
        if (_instances is { } known && known.Day == today)
        {
            return known.PerKpi;
        }

        var perKpi = _config.Rules
            .Where(r => r.Kind != RuleKind.SourceDown)
            .SelectMany(r => RuleInstances.Of(r, _catalog, today, _sources).Select(key => (Rule: r, Key: key)))
            .GroupBy(i => i.Key.Kpi!, StringComparer.Ordinal)
            .Select(g => (Kpi: _catalog.Kpis.Find(g.Key)!, Instances: g.ToList()))
            .ToList();
        _instances = (today, perKpi);
        return perKpi;
    }

    private async Task<List<InstanceCondition>> EvaluateKpiAsync(
        KpiDefinition kpi, List<(AlertRule Rule, AlertKey Key)> instances, DateOnly today, DateTimeOffset now, SummaryText text, CancellationToken cancellationToken)
    {
        var assessed = instances.Where(i => i.Rule.Kind is RuleKind.Target or RuleKind.Threshold).Select(i => i.Key.Unit!).ToHashSet(StringComparer.Ordinal);
        var assessments = (await _assessor.AssessManyAsync(kpi, assessed.Select(u => _catalog.Units.Find(u)!).ToList(), today, cancellationToken))
            .ToDictionary(a => a.Unit.Code, StringComparer.Ordinal);

        var projections = new Dictionary<ProjectionSettings, IReadOnlyDictionary<string, double?>>();
        foreach (var group in instances.Where(i => i.Rule.Kind == RuleKind.Projection).GroupBy(i => i.Rule.Projection!))
        {
            var units = group.Select(i => i.Key.Unit!).Distinct(StringComparer.Ordinal).ToList();
            projections[group.Key] = await YearEndProjection.ProjectAsync(_reader, kpi, group.Key, units, today, cancellationToken);
        }

        IReadOnlyDictionary<string, DateTimeOffset>? figureTimes = null;
        if (instances.Exists(i => i.Rule.Kind == RuleKind.Stale))
        {
            var own = _snapshots is not null
                ? await _snapshots.GetNewestFigureTimesAsync(kpi, now, cancellationToken)
                : (await _store.GetLatestAsync(kpi.Code, now, null, cancellationToken)).ToDictionary(f => f.Unit, f => f.Time, StringComparer.Ordinal);
            figureTimes = StaleJudge.FigureTimes(own, kpi, _catalog.Units.AsOf(today));
        }

        var result = new List<InstanceCondition>(instances.Count);
        foreach (var (rule, key) in instances)
        {
            string unitCode = key.Unit!;
            var condition = rule.Kind switch
            {
                RuleKind.Target => TargetJudge.Judge(rule, key, assessments[unitCode], text),
                RuleKind.Threshold => ThresholdJudge.Judge(rule, key, rule.Threshold!, assessments[unitCode], text),
                RuleKind.Projection => ProjectionJudge.Judge(rule, key, _catalog.Units.Find(unitCode)!, kpi,
                    projections[rule.Projection!].GetValueOrDefault(unitCode), _assessor.TargetFor(kpi, _catalog.Units.Find(unitCode)!, today.Year), today.Year, text),
                _ => StaleJudge.Judge(rule, key, rule.Stale!, _catalog.Units.Find(unitCode)!, kpi,
                    figureTimes!.TryGetValue(unitCode, out var at) ? at : null, now, text),
            };
            result.Add(new InstanceCondition(key, _policies[rule.Code], condition));
        }

        return result;
    }

    private async Task<List<InstanceCondition>> EvaluateSourcesAsync(DateTimeOffset now, SummaryText text, CancellationToken cancellationToken)
    {
        var rules = _config.Rules.Where(r => r.Kind == RuleKind.SourceDown).ToList();
        if (rules.Count == 0)
        {
            return [];
        }

        var records = (await _health.GetSourceHealthAsync(cancellationToken)).ToDictionary(h => h.Source, StringComparer.Ordinal);
        return rules
            .SelectMany(rule => RuleInstances.Of(rule, _catalog, VietnamTime.DateOf(now), _sources).Select(key => new InstanceCondition(
                key, _policies[rule.Code], SourceDownJudge.Judge(rule, key, rule.SourceDown!, records.GetValueOrDefault(key.Source!), now, text))))
            .ToList();
    }
}
