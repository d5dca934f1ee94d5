using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// Adds up a flow KPI's rolled-up periods (<see cref="TimeRollup.Sum"/>) into longer ones: a quarter's dossiers are the
/// sum of its three months, and its online rate Σ numerators ÷ Σ denominators of those months.
/// </summary>
public static class PeriodTotals
{
    /// <summary>
    /// One point per bucket, adding the points of <paramref name="periods"/> that fall in it. <see cref="RolledValue.Reporting"/>
    /// is the most units that had a figure in any one of the periods: the same unit reporting every month counts once.
    /// </summary>
    public static IReadOnlyList<RollupSeriesPoint> Add(IReadOnlyList<PeriodBucket> buckets, IReadOnlyList<RollupSeriesPoint> periods)
    {
        var result = new List<RollupSeriesPoint>(buckets.Count);
        int next = 0;
        foreach (var bucket in buckets)
        {
            var end = VietnamTime.DateOf(bucket.End);
            while (next < periods.Count && periods[next].Period < bucket.FirstDay)
            {
                next++;
            }

            double value = 0, numerator = 0, denominator = 0;
            bool any = false, ratio = false;
            int reporting = 0;
            for (; next < periods.Count && periods[next].Period < end; next++)
            {
                var rolled = periods[next].Value;
                if (rolled.Numerator is { } n && rolled.Denominator is { } d)
                {
                    (numerator, denominator, ratio, any) = (numerator + n, denominator + d, true, true);
                }
                else if (rolled.Value is { } v)
                {
                    (value, any) = (value + v, true);
                }
                else
                {
                    continue;
                }

                reporting = Math.Max(reporting, rolled.Reporting);
            }

            result.Add(new RollupSeriesPoint(bucket.FirstDay, !any
                ? new RolledValue(null, null, null, 0)
                : ratio
                    ? new RolledValue(StoredValue.Percentage(numerator, denominator), numerator, denominator, reporting)
                    : new RolledValue(value, null, null, reporting)));
        }

        return result;
    }
}
