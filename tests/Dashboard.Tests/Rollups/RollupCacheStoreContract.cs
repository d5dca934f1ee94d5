using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>
/// The rollup cache against each store: what its snapshots answer is what reading every subtree answers. Each
/// store's test class derives from this and hands out a fresh, empty store per call.
/// </summary>
public abstract class RollupCacheStoreContract
{
    protected static readonly DateTimeOffset Jan = Local(2025, 1, 1);

    // A hung store must fail the test, not the whole CI run.
    protected static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected abstract Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken);

    protected static DateTimeOffset Local(int year, int month, int day, int hour = 0) =>
        VietnamTime.StartOf(new DateOnly(year, month, day)).AddHours(hour);

    [Theory]
    [InlineData(Ratio)]
    [InlineData(Count)]
    [InlineData(Score)]
    public async Task CachedSnapshots_AgreeWithReadingEachSubtree_ForEveryUnitAndMonth(string kpi)
    {
        var catalog = Create();
        var store = await CreateStoreAsync(catalog, Ct);
        var figures = new List<Observation>();
        var random = new Random(7);
        foreach (string unit in (string[])[Province, Department, District, CommuneA, CommuneB])
        {
            for (int month = 0; month < 12; month++)
            {
                // Gaps, so periods without a figure and units without one are part of the comparison.
                if (random.Next(4) == 0)
                {
                    continue;
                }

                var time = Local(2025, 1, 1).AddMonths(month).AddDays(random.Next(0, 20));
                int denominator = random.Next(1, 500);
                figures.Add(catalog.Kpis.Find(kpi)!.Kind == KpiKind.Ratio
                    ? Observation.Ratio(kpi, unit, time, random.Next(0, denominator + 1), denominator, "s")
                    : Observation.Scalar(kpi, unit, time, random.Next(0, 100), "s"));
            }
        }

        await WriteAllAsync(store, [.. figures]);
        using var cache = new RollupCache(store, catalog, Microsoft.Extensions.Options.Options.Create(new RollupCacheOptions()), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RollupCache>.Instance);
        var cached = new KpiReader(store, catalog, cache);
        var direct = new KpiReader(store, catalog);

        foreach (string unit in (string[])[Province, Department, District, CommuneA, CommuneB])
        {
            var expected = await direct.GetSeriesAsync(kpi, unit, Jan, Local(2026, 1, 1), PeriodGranularity.Month, Ct);
            var actual = await cached.GetSeriesAsync(kpi, unit, Jan, Local(2026, 1, 1), PeriodGranularity.Month, Ct);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(1, cache.Loads);
    }

    private static async Task WriteAllAsync(ITimeSeriesStore store, params Observation[] observations)
    {
        var result = await store.WriteAsync(observations, Ct);
        Assert.True(result.IsComplete, string.Join("; ", result.Rejected));
        Assert.Equal(observations.Length, result.Written);
    }
}
