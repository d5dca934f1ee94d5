using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// Reads KPIs for any unit of the hierarchy, rolling its subtree up. The tree used is the one of the
/// period read, so a district's history before the 2025 reform still sums its communes of the time.
/// With a <see cref="RollupCache"/>, monthly, quarterly and yearly series come from snapshots of every unit.
/// </summary>
public sealed class KpiReader(ITimeSeriesStore store, Catalog catalog, RollupCache? cache)
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
        var units = UnitsToRead(kpi, unitCode, VietnamTime.DateOf(asOf));
        if (units.Count == 0)
        {
            return new RolledValue(null, null, null, 0);
        }

        var latest = await store.GetLatestAsync(kpi.Code, asOf, units, cancellationToken);
        return Rollup.Combine(kpi, unitCode, latest.Select(v => (v.Unit, v.Value, v.Numerator, v.Denominator)));
    }

    /// <summary>A rolled-up series: for each period, the last figure of every unit of the subtree as it stood then.</summary>
    public async Task<IReadOnlyList<RollupSeriesPoint>> GetSeriesAsync(
        string kpiCode, string unitCode, DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken)
    {
        var kpi = RequireKpi(kpiCode);
        var buckets = PeriodBucket.Between(from, to, granularity);
        if (cache is not null && cache.Serves(granularity, buckets.Count))
        {
            RequireUnit(unitCode);
            var snapshot = await cache.GetAsync(kpi, granularity, buckets[0].FirstDay, buckets[^1].FirstDay, cancellationToken);
            return snapshot.Series(unitCode, buckets[0].FirstDay, buckets[^1].FirstDay);
        }

        var subtreeByBucket = buckets.ToDictionary(b => b.FirstDay, b => UnitsToRead(kpi, unitCode, LastDay(b)).ToHashSet(StringComparer.Ordinal));
        var everyone = subtreeByBucket.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        if (everyone.Count == 0)
        {
            return buckets.Select(b => new RollupSeriesPoint(b.FirstDay, new RolledValue(null, null, null, 0))).ToList();
        }

        var points = await store.GetSeriesAsync(kpi.Code, everyone, from, to, granularity, cancellationToken);
        var byPeriod = points.ToLookup(p => p.Period);
        return buckets
            .Select(b => new RollupSeriesPoint(b.FirstDay, Rollup.Combine(kpi, unitCode,
                byPeriod[b.FirstDay].Where(p => subtreeByBucket[b.FirstDay].Contains(p.Unit))
                    .Select(p => (p.Unit, p.Value, p.Numerator, p.Denominator)))))
            .ToList();
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
        RequireUnit(unitCode);
        if (kpi.Rollup == RollupMethod.None)
        {
            return [unitCode];
        }

        return catalog.Units.AsOf(day).SubtreeOf(unitCode);
    }

    private static DateOnly LastDay(PeriodBucket bucket) => VietnamTime.DateOf(bucket.End.AddTicks(-1));
}
