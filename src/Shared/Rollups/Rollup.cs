using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// Combines figures of several units into one. Ratios add numerators and denominators and divide once:
/// a commune with 12 dossiers must not weigh as much as one with 5,000, which averaging percentages would do.
/// </summary>
public static class Rollup
{
    /// <summary>
    /// Combines the figures of a unit's subtree. For <see cref="RollupMethod.None"/> only the unit's own
    /// figure counts (<paramref name="ownUnit"/>); the others are ignored.
    /// </summary>
    public static RolledValue Combine(KpiDefinition kpi, string ownUnit, IEnumerable<(string Unit, double? Value, double? Numerator, double? Denominator)> figures)
    {
        switch (kpi.Rollup)
        {
            case RollupMethod.SumRatio:
                double numerator = 0, denominator = 0;
                int reporting = 0;
                foreach (var f in figures)
                {
                    if (f.Numerator is { } n && f.Denominator is { } d)
                    {
                        numerator += n;
                        denominator += d;
                        reporting++;
                    }
                }

                return reporting == 0
                    ? new RolledValue(null, null, null, 0)
                    : new RolledValue(StoredValue.Percentage(numerator, denominator), numerator, denominator, reporting);

            case RollupMethod.Sum:
                double sum = 0;
                int count = 0;
                foreach (var f in figures)
                {
                    if (f.Value is { } v)
                    {
                        sum += v;
                        count++;
                    }
                }

                return count == 0 ? new RolledValue(null, null, null, 0) : new RolledValue(sum, null, null, count);

            default:
                var own = figures.FirstOrDefault(f => f.Unit == ownUnit);
                return own.Unit is null
                    ? new RolledValue(null, null, null, 0)
                    : new RolledValue(own.Value ?? StoredValue.Percentage(own.Numerator, own.Denominator), own.Numerator, own.Denominator, 1);
        }
    }
}
