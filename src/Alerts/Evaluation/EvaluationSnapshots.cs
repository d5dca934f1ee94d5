using System.Collections.Concurrent;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// The alert evaluator's rolled-up snapshots: each KPI's periods for every unit of the catalogue from one store read,
/// rolled up once (<see cref="RollupSnapshot"/>), so 5,000 units cost one query per KPI and window, not one per unit.
/// A snapshot is kept while the store's change version of its KPI stays the same and the last evaluation used it.
/// </summary>
public sealed class EvaluationSnapshots(ITimeSeriesStore store, Catalog catalog, TimeProvider time) : IRollupSnapshots
{
    /// <summary>Periods read to bring the newest figure times up to date: the one in progress and the two before (a stale rule's horizon).</summary>
    public const int RecentPeriods = 3;

    private readonly UnitIndex _units = new(catalog.Units);
    private readonly ConcurrentDictionary<(string Kpi, PeriodGranularity Granularity, DateOnly First, DateOnly Last), RollupSnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<(string Kpi, PeriodGranularity Granularity, DateOnly First, DateOnly Last), byte> _used = new();
    private readonly List<(string Kpi, PeriodGranularity Granularity, DateOnly First, DateOnly Last)> _changed = [];
    private readonly ConcurrentDictionary<string, NewestFigures> _newest = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, long> _versions = new Dictionary<string, long>();

    /// <summary>Drops what changed in the store since, or what the evaluation before did not read; called once before each evaluation.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        Refresh(await store.GetChangeVersionsAsync(cancellationToken));

    /// <summary>
    /// As <see cref="RefreshAsync"/>, with the change versions the caller has just read (<see cref="ITimeSeriesStore.GetChangeVersionsAsync"/>),
    /// so an evaluation the alerting service starts because a version moved does not read them a second time.
    /// </summary>
    public void Refresh(IReadOnlyDictionary<string, long> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var (key, snapshot) in _snapshots)
        {
            bool used = _used.ContainsKey(key);
            if (!used || versions.GetValueOrDefault(key.Kpi) != snapshot.Version)
            {
                _snapshots.TryRemove(key, out _);
                if (used)
                {
                    _changed.Add(key);
                }
            }
        }

        _used.Clear();
        _versions = versions;
    }

    /// <summary>
    /// Reads again, <paramref name="parallelism"/> at a time, the windows the evaluation before used whose KPI changed since
    /// <see cref="Refresh"/>: after a collection, a changed KPI's windows (the period assessed, last year's, the year so far)
    /// are read side by side instead of one after another as the assessment asks for them.
    /// </summary>
    public async Task ReadChangedAsync(int parallelism, CancellationToken cancellationToken)
    {
        var changed = _changed.ToList();
        _changed.Clear();
        await Parallel.ForEachAsync(
            changed,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                if (catalog.Kpis.Find(key.Kpi) is { } kpi)
                {
                    await GetAsync(kpi, key.Granularity, key.First, key.Last, ct);
                }
            });
    }

    /// <summary>
    /// When each unit's newest own figure of a KPI was stamped (the start of its period), at or before <paramref name="asOf"/>.
    /// A figure is overwritten, never removed, so the newest only moves forward: once known, the times are brought up to date
    /// from the KPI's last <see cref="RecentPeriods"/> periods when its version moves (one cheap read), and the whole history
    /// (<see cref="ITimeSeriesStore.GetLatestAsync"/> over every unit, seconds on InfluxDB at national scale) is read once,
    /// and only if some unit of the catalogue has no figure in those recent periods.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetNewestFigureTimesAsync(
        KpiDefinition kpi, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        long version = _versions.GetValueOrDefault(kpi.Code);
        var known = _newest.GetValueOrDefault(kpi.Code);
        if (known is not null && known.Version == version)
        {
            return known.Times;
        }

        var times = known is null
            ? new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal)
            : new Dictionary<string, DateTimeOffset>(known.Times, StringComparer.Ordinal);
        var first = kpi.Period.FirstDayOf(VietnamTime.DateOf(asOf));
        for (int i = 1; i < RecentPeriods; i++)
        {
            first = kpi.Period.FirstDayOf(first.AddDays(-1));
        }

        var recent = await store.GetSeriesAsync(kpi.Code, null, VietnamTime.StartOf(first), asOf, kpi.Period.OwnGranularity(), cancellationToken);
        foreach (var point in recent)
        {
            Newer(times, point.Unit, point.Time);
        }

        bool history = known?.HistoryRead ?? false;
        if (!history && catalog.Units.Units.Any(u => !times.ContainsKey(u.Code)))
        {
            foreach (var figure in await store.GetLatestAsync(kpi.Code, asOf, null, cancellationToken))
            {
                Newer(times, figure.Unit, figure.Time);
            }

            history = true;
        }

        _newest[kpi.Code] = new NewestFigures(version, times, history);
        return times;
    }

    /// <inheritdoc />
    public bool Serves(PeriodGranularity granularity, int periods) => true;

    /// <inheritdoc />
    public async Task<RollupSnapshot> GetAsync(KpiDefinition kpi, PeriodGranularity granularity, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var key = (kpi.Code, granularity, first, last);
        _used[key] = 0;
        if (_snapshots.TryGetValue(key, out var known))
        {
            return known;
        }

        // The version is the one read before the figures: a write in between only makes the next evaluation read again.
        long version = _versions.GetValueOrDefault(kpi.Code);
        var buckets = PeriodBucket.Between(VietnamTime.StartOf(first), VietnamTime.StartOf(PeriodBucket.Next(last, granularity)), granularity);
        var points = await store.GetSeriesAsync(kpi.Code, null, buckets[0].Start, buckets[^1].End, granularity, cancellationToken);
        var snapshot = RollupSnapshot.Build(kpi, granularity, catalog, _units, buckets, points, version, time.GetUtcNow());
        _snapshots[key] = snapshot;
        return snapshot;
    }

    private static void Newer(Dictionary<string, DateTimeOffset> times, string unit, DateTimeOffset time)
    {
        if (!times.TryGetValue(unit, out var known) || time > known)
        {
            times[unit] = time;
        }
    }

    private sealed record NewestFigures(long Version, Dictionary<string, DateTimeOffset> Times, bool HistoryRead);
}
