using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Storage;

/// <summary>
/// Keeps the last figure of each unit in each period while a store reads rows of a range in any order;
/// both stores answer <see cref="ITimeSeriesStore.GetSeriesAsync"/> through it.
/// </summary>
internal sealed class LastInPeriod(IReadOnlyList<PeriodBucket> buckets)
{
    private readonly long[] _starts = buckets.Select(b => b.Start.ToUnixTimeMilliseconds()).ToArray();
    private readonly long _end = buckets[^1].End.ToUnixTimeMilliseconds();
    private readonly Dictionary<(int Bucket, string Unit), SeriesPoint> _last = [];

    /// <summary>Takes a row; it replaces what the unit had in its period unless that is newer.</summary>
    public void Offer(string unit, long timeMs, double? value, double? numerator, double? denominator)
    {
        int bucket = Array.BinarySearch(_starts, timeMs);
        bucket = bucket >= 0 ? bucket : ~bucket - 1;
        if (bucket < 0 || timeMs >= _end)
        {
            return;
        }

        var key = (bucket, unit);
        if (!_last.TryGetValue(key, out var kept) || kept.Time.ToUnixTimeMilliseconds() <= timeMs)
        {
            _last[key] = new SeriesPoint(buckets[bucket].FirstDay, unit, DateTimeOffset.FromUnixTimeMilliseconds(timeMs), value, numerator, denominator);
        }
    }

    /// <summary>The points by period, then unit.</summary>
    public List<SeriesPoint> Ordered() => _last.Values.OrderBy(p => p.Period).ThenBy(p => p.Unit, StringComparer.Ordinal).ToList();
}
