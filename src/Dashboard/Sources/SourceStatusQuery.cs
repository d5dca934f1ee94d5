using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>Joins the configured sources with what the collector recorded about them in the store.</summary>
public sealed class SourceStatusQuery(ConfiguredSources sources, ISourceHealthStore health, ITimeSeriesStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<SourceStatus>> AllAsync(CancellationToken cancellationToken)
    {
        var runs = (await health.GetSourceHealthAsync(cancellationToken)).ToDictionary(h => h.Source, StringComparer.Ordinal);
        var activity = (await store.GetSourceActivityAsync(cancellationToken)).ToLookup(a => a.Source, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return sources.All
            .Select(s =>
            {
                var run = runs.GetValueOrDefault(s.Code);
                var delivered = activity[s.Code].ToList();
                return new SourceStatus(s, run, SourceFreshness.IsStale(run, s.StaleAfter, now),
                    delivered.Select(a => a.Unit).Distinct(StringComparer.Ordinal).Count(),
                    delivered.Count > 0 ? delivered.Max(a => a.LatestPeriod) : null);
            })
            .ToList();
    }

    /// <summary>For one unit: the newest period each source reported, newest first.</summary>
    public async Task<IReadOnlyList<SourceActivity>> ForUnitAsync(string unitCode, CancellationToken cancellationToken) =>
        (await store.GetSourceActivityAsync(cancellationToken))
            .Where(a => a.Unit == unitCode)
            .OrderByDescending(a => a.LatestPeriod)
            .ThenBy(a => a.Source, StringComparer.Ordinal)
            .ToList();
}
