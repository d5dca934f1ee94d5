using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>
/// Quarterly and yearly series of monthly KPIs read through <see cref="KpiReader"/> over a real SQLite file, with the
/// rollup cache and without: flows add their months up, levels keep the last month.
/// </summary>
public sealed class FlowTotalsTests : IDisposable
{
    private static readonly DateTimeOffset Q1 = Month(2025, 1);
    private static readonly DateTimeOffset Q2 = Month(2025, 4);

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-flows-").FullName;
    private readonly Catalog _catalog = Create();
    private readonly List<IDisposable> _owned = [];
    private readonly SqliteTimeSeriesStore _store;

    public FlowTotalsTests()
    {
        _store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = Path.Combine(_folder, "flows.db") }), _catalog, TimeProvider.System);
        _owned.Add(_store);
    }

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quarter_OfAFlowCount_AddsItsMonths(bool cached)
    {
        await WriteAsync(
            Observation.Scalar(Count, CommuneA, Month(2025, 1), 2, "s"),
            Observation.Scalar(Count, CommuneA, Month(2025, 2), 3, "s"),
            Observation.Scalar(Count, CommuneA, Month(2025, 3), 4, "s"),
            Observation.Scalar(Count, CommuneB, Month(2025, 3), 10, "s"));

        var quarter = Assert.Single(await Reader(cached).GetSeriesAsync(Count, District, Q1, Q2, PeriodGranularity.Quarter, Ct));

        Assert.Equal(new DateOnly(2025, 1, 1), quarter.Period);
        Assert.Equal(19, quarter.Value.Value);
        Assert.Equal(2, quarter.Value.Reporting);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quarter_OfAFlowRatio_DividesTheSummedNumeratorsByTheSummedDenominators(bool cached)
    {
        // 1/2 = 50 % in January, 9/10 = 90 % in February, 0/8 in March: the quarter is 10/20, neither the mean of
        // the three rates (46,7 %) nor March's 0 %.
        await WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(2025, 1), 1, 2, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2025, 2), 9, 10, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2025, 3), 0, 8, "s"));

        var quarter = Assert.Single(await Reader(cached).GetSeriesAsync(Ratio, CommuneA, Q1, Q2, PeriodGranularity.Quarter, Ct)).Value;

        Assert.Equal((10, 20), (quarter.Numerator, quarter.Denominator));
        Assert.Equal(50, quarter.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quarter_OfALevel_IsItsLastMonth(bool cached)
    {
        await WriteAsync(
            Observation.Scalar(Score, Province, Month(2025, 1), 60, "s"),
            Observation.Scalar(Score, Province, Month(2025, 3), 75, "s"));

        var quarter = Assert.Single(await Reader(cached).GetSeriesAsync(Score, Province, Q1, Q2, PeriodGranularity.Quarter, Ct));

        Assert.Equal(75, quarter.Value.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Year_OfAFlow_RollsUpEachMonthWithTheTreeOfThatMonth(bool cached)
    {
        // The district is abolished on 1/7/2025 and its communes move under the province. Its 2025 total is what its
        // communes counted while they were its own (January to June); the province's counts every month once.
        var months = Enumerable.Range(1, 12).Select(m => Observation.Scalar(Count, CommuneA, Month(2025, m), m, "s")).ToArray();
        await WriteAsync(months);

        var reader = Reader(cached);
        var district = Assert.Single(await reader.GetSeriesAsync(Count, District, Q1, Month(2026, 1), PeriodGranularity.Year, Ct));
        var province = Assert.Single(await reader.GetSeriesAsync(Count, Province, Q1, Month(2026, 1), PeriodGranularity.Year, Ct));

        Assert.Equal(1 + 2 + 3 + 4 + 5 + 6, district.Value.Value);
        Assert.Equal(78, province.Value.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quarters_WithoutAnyFigure_HaveNoValue_AndTheOthersKeepTheirs(bool cached)
    {
        await WriteAsync(Observation.Scalar(Count, CommuneA, Month(2025, 5), 7, "s"));

        var quarters = await Reader(cached).GetSeriesAsync(Count, CommuneA, Q1, Month(2025, 7), PeriodGranularity.Quarter, Ct);

        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1)], quarters.Select(q => q.Period));
        Assert.Equal(new RolledValue(null, null, null, 0), quarters[0].Value);
        Assert.Equal(7, quarters[1].Value.Value);
    }

    [Fact]
    public async Task Quarters_FromTheCache_EqualThoseReadDirectly_ForEveryUnit()
    {
        foreach (var unit in new[] { CommuneA, CommuneB, Department })
        {
            await WriteAsync(Enumerable.Range(1, 9).Select(m => Observation.Ratio(Ratio, unit, Month(2025, m), m, 10 + m, "s")).ToArray());
        }

        var units = new[] { Province, Department, District, CommuneA, CommuneB };
        var cached = await Reader(cached: true).GetSeriesAsync(Ratio, units, Q1, Month(2025, 10), PeriodGranularity.Quarter, Ct);
        var direct = await Reader(cached: false).GetSeriesAsync(Ratio, units, Q1, Month(2025, 10), PeriodGranularity.Quarter, Ct);

        foreach (string unit in units)
        {
            Assert.Equal(direct[unit], cached[unit]);
        }

        Assert.Equal(3, direct[Province].Count);
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static DateTimeOffset Month(int year, int month) => VietnamTime.StartOf(new DateOnly(year, month, 1));

    private async Task WriteAsync(params Observation[] observations)
    {
        var result = await _store.WriteAsync(observations, Ct);
        Assert.Empty(result.Rejected);
    }

    private KpiReader Reader(bool cached)
    {
        if (!cached)
        {
            return new KpiReader(_store, _catalog, null);
        }

        var cache = new RollupCache(_store, _catalog, Options.Create(new RollupCacheOptions()), new ManualClock(Month(2026, 1)), new CapturingLogger<RollupCache>());
        _owned.Add(cache);
        return new KpiReader(_store, _catalog, cache);
    }
}
