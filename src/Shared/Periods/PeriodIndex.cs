namespace KpiMonitor.Shared.Periods;

/// <summary>
/// Which of consecutive periods holds an instant (epoch milliseconds), by a binary search over their starts: the one
/// rule by which a store's figures are put in periods, for a list of points and for a rollup snapshot alike.
/// </summary>
public sealed class PeriodIndex(IReadOnlyList<PeriodBucket> buckets)
{
    private readonly long[] _starts = [.. buckets.Select(b => b.Start.ToUnixTimeMilliseconds())];
    private readonly long _end = buckets[^1].End.ToUnixTimeMilliseconds();

    /// <summary>Number of periods.</summary>
    public int Count => _starts.Length;

    /// <summary>The index of the period holding <paramref name="timeMs"/>, or -1 before the first or from the end of the last.</summary>
    public int Of(long timeMs)
    {
        if (timeMs >= _end)
        {
            return -1;
        }

        int at = Array.BinarySearch(_starts, timeMs);
        return at >= 0 ? at : ~at - 1;
    }
}
