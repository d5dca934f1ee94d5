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
    private readonly UnitIndex _units = new(catalog.Units);
    private readonly ConcurrentDictionary<(string Kpi, PeriodGranularity Granularity, DateOnly First, DateOnly Last), RollupSnapshot> _snapshots = new();
    private readonly ConcurrentDictionary<(string, PeriodGranularity, DateOnly, DateOnly), byte> _used = new();
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<StoredValue> Figures)> _latest = new(StringComparer.Ordinal);
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
            if (!_used.ContainsKey(key) || versions.GetValueOrDefault(key.Kpi) != snapshot.Version)
            {
                _snapshots.TryRemove(key, out _);
            }
        }

        foreach (var (kpi, latest) in _latest)
        {
            if (versions.GetValueOrDefault(kpi) != latest.Version)
            {
                _latest.TryRemove(kpi, out _);
            }
        }

        _used.Clear();
        _versions = versions;
    }

    /// <summary>
    /// The newest figure of every unit for a KPI (<see cref="ITimeSeriesStore.GetLatestAsync"/> over all units), read again
    /// only when the KPI's figures changed: without a write, what was newest stays newest.
    /// </summary>
    public async Task<IReadOnlyList<StoredValue>> GetLatestAsync(KpiDefinition kpi, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (_latest.TryGetValue(kpi.Code, out var known))
        {
            return known.Figures;
        }

        long version = _versions.GetValueOrDefault(kpi.Code);
        var figures = await store.GetLatestAsync(kpi.Code, asOf, null, cancellationToken);
        _latest[kpi.Code] = (version, figures);
        return figures;
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
}
