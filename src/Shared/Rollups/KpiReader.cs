using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// Reads KPIs for any unit of the hierarchy, rolling its subtree up. The tree used is the one of the
/// period read, so a district's history before the 2025 reform still sums its communes of the time.
/// With <see cref="IRollupSnapshots"/> (the dashboard's cache), monthly, quarterly and yearly series come from snapshots of every unit.
/// </summary>
public sealed class KpiReader(ITimeSeriesStore store, Catalog catalog, IRollupSnapshots? cache)
{
    /// <summary>A reader that always asks the store.</summary>
    public KpiReader(ITimeSeriesStore store, Catalog catalog)
        : this(store, catalog, null)
    {
    }

    /// <summary>The value of a KPI for a unit as of an instant, combining the unit's subtree on that day.</summary>
    public async Task<RolledValue> GetAsync(string kpiCode, string unitCode, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var kpi = RequireKpi(kpiCode);
        RequireUnit(unitCode);
        var units = UnitsToRead(kpi, unitCode, VietnamTime.DateOf(asOf));
        if (units.Count == 0)
        {
            return new RolledValue(null, null, null, 0);
        }

        var latest = await store.GetLatestAsync(kpi.Code, asOf, units, cancellationToken);
        return Rollup.Combine(kpi, unitCode, latest.Select(v => (v.Unit, v.Value, v.Numerator, v.Denominator)));
    }

    /// <summary>
    /// A rolled-up series: for each period, the last figure of every unit of the subtree as it stood then; for a flow
    /// (<see cref="TimeRollup.Sum"/>) in periods longer than its own, the sum of its own periods.
    /// </summary>
    public async Task<IReadOnlyList<RollupSeriesPoint>> GetSeriesAsync(
        string kpiCode, string unitCode, DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken) =>
        (await GetSeriesAsync(kpiCode, [unitCode], from, to, granularity, cancellationToken))[unitCode];

    /// <summary>
    /// The rolled-up series of several units (a unit's children for a ranking) from one read: one snapshot, or
    /// one store query over all their subtrees.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RollupSeriesPoint>>> GetSeriesAsync(
        string kpiCode, IReadOnlyCollection<string> unitCodes, DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken)
    {
        var kpi = RequireKpi(kpiCode);
        foreach (string unit in unitCodes)
        {
            RequireUnit(unit);
        }

        var buckets = PeriodBucket.Between(from, to, granularity);
        var own = kpi.Period.OwnGranularity();
        if (kpi.TimeRollup == TimeRollup.Sum && granularity > own)
        {
            // A flow: each of its own periods rolled up with the tree of that period, then added into the longer one.
            // The monthly read is the one the overview and the monthly chart share.
            var periods = await GetSeriesAsync(kpiCode, unitCodes, buckets[0].Start, buckets[^1].End, own, cancellationToken);
            return periods.ToDictionary(p => p.Key, p => PeriodTotals.Add(buckets, p.Value), StringComparer.Ordinal);
        }

        var result = new Dictionary<string, IReadOnlyList<RollupSeriesPoint>>(StringComparer.Ordinal);
        if (cache is not null && cache.Serves(granularity, buckets.Count))
        {
            var snapshot = await cache.GetAsync(kpi, granularity, buckets[0].FirstDay, buckets[^1].FirstDay, cancellationToken);
            foreach (string unit in unitCodes)
            {
                result[unit] = snapshot.Series(unit, buckets[0].FirstDay, buckets[^1].FirstDay);
            }

            return result;
        }

        // For each unit and period, the subtree of the tree of that period's last day.
        var subtrees = unitCodes.Distinct(StringComparer.Ordinal).ToDictionary(
            unit => unit,
            unit => buckets.Select(b => UnitsToRead(kpi, unit, LastDay(b)).ToHashSet(StringComparer.Ordinal)).ToArray(),
            StringComparer.Ordinal);
        var everyone = subtrees.Values.SelectMany(perBucket => perBucket).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        var points = everyone.Count == 0 ? [] : await store.GetSeriesAsync(kpi.Code, everyone, from, to, granularity, cancellationToken);
        var byPeriod = points.ToLookup(p => p.Period);
        foreach (var (unit, perBucket) in subtrees)
        {
            result[unit] = buckets
                .Select((b, i) => new RollupSeriesPoint(b.FirstDay, Rollup.Combine(kpi, unit,
                    byPeriod[b.FirstDay].Where(p => perBucket[i].Contains(p.Unit)).Select(p => (p.Unit, p.Value, p.Numerator, p.Denominator)))))
                .ToList();
        }

        return result;
    }

    private KpiDefinition RequireKpi(string code) =>
        catalog.Kpis.Find(code) ?? throw new KeyNotFoundException($"Chỉ tiêu '{code}' không có trong danh mục.");

    private void RequireUnit(string code)
    {
        if (!catalog.Units.Contains(code))
        {
            throw new KeyNotFoundException($"Đơn vị '{code}' không có trong danh mục.");
        }
    }

    private IReadOnlyList<string> UnitsToRead(KpiDefinition kpi, string unitCode, DateOnly day)
    {
        if (kpi.Rollup == RollupMethod.None)
        {
            return [unitCode];
        }

        return catalog.Units.AsOf(day).SubtreeOf(unitCode);
    }

    private static DateOnly LastDay(PeriodBucket bucket) => VietnamTime.DateOf(bucket.End.AddTicks(-1));
}
