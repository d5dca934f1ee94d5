using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Storage;

/// <summary>
/// Keeps the last figure of each unit in each period while a store reads rows of a range in any order;
/// both stores answer <see cref="ITimeSeriesStore.GetSeriesAsync"/> through it (the rollup cache's reads of every unit fill
/// their snapshot instead, <see cref="KpiMonitor.Shared.Rollups.RollupSnapshot.Builder"/>). A row costs one lookup of its
/// unit and a look at that unit's own row of periods; nothing is made until <see cref="Ordered"/>.
/// </summary>
internal sealed class LastInPeriod(IReadOnlyList<PeriodBucket> buckets)
{
    private readonly PeriodIndex _periods = new(buckets);
    private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
    private readonly List<string> _units = [];
    private readonly List<Figure[]> _last = [];

    /// <summary>
    /// <see cref="ITimeSeriesStore.GetSeriesAsync"/> of either store: its <see cref="ITimeSeriesStore.ScanSeriesAsync"/> over
    /// the periods' whole range, each unit's last figure in each period kept.
    /// </summary>
    public static async Task<IReadOnlyList<SeriesPoint>> ReadAsync(ITimeSeriesStore store, string kpi, IReadOnlyCollection<string>? units,
        DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken)
    {
        var buckets = PeriodBucket.Between(from, to, granularity);
        if (units is { Count: 0 })
        {
            return [];
        }

        var last = new LastInPeriod(buckets);
        await store.ScanSeriesAsync(kpi, units, buckets[0].Start, buckets[^1].End, last.Offer, cancellationToken);
        return last.Ordered();
    }

    /// <summary>Takes a row; it replaces what the unit had in its period unless that is newer.</summary>
    public void Offer(string unit, long timeMs, double? value, double? numerator, double? denominator)
    {
        int bucket = _periods.Of(timeMs);
        if (bucket < 0)
        {
            return;
        }

        if (!_unitIds.TryGetValue(unit, out int id))
        {
            id = _units.Count;
            _unitIds.Add(unit, id);
            _units.Add(unit);
            var empty = new Figure[_periods.Count];
            Array.Fill(empty, Figure.None);
            _last.Add(empty);
        }

        ref var kept = ref _last[id][bucket];
        if (kept.TimeMs <= timeMs)
        {
            kept = new Figure(timeMs, value, numerator, denominator);
        }
    }

    /// <summary>The points by period, then unit (ordinal).</summary>
    public List<SeriesPoint> Ordered()
    {
        var byName = Enumerable.Range(0, _units.Count).ToArray();
        Array.Sort(byName, (a, b) => string.CompareOrdinal(_units[a], _units[b]));
        var points = new List<SeriesPoint>();
        for (int bucket = 0; bucket < _periods.Count; bucket++)
        {
            foreach (int id in byName)
            {
                var figure = _last[id][bucket];
                if (figure.TimeMs != long.MinValue)
                {
                    points.Add(new SeriesPoint(buckets[bucket].FirstDay, _units[id], DateTimeOffset.FromUnixTimeMilliseconds(figure.TimeMs),
                        figure.Value, figure.Numerator, figure.Denominator));
                }
            }
        }

        return points;
    }

    private readonly record struct Figure(long TimeMs, double? Value, double? Numerator, double? Denominator)
    {
        /// <summary>No figure yet: older than any row.</summary>
        public static Figure None { get; } = new(long.MinValue, null, null, null);
    }
}
