using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>
/// The snapshot cache over a real SQLite file. A second store instance on the same file stands for another
/// process (the collector) writing while the dashboard reads.
/// </summary>
public sealed class RollupCacheTests : IDisposable
{
    private static readonly DateTimeOffset June = VietnamTime.StartOf(new DateOnly(2025, 6, 1));
    private static readonly DateTimeOffset July = VietnamTime.StartOf(new DateOnly(2025, 7, 1));

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-rollupcache-").FullName;
    private readonly Catalog _catalog = Create();
    private readonly List<IDisposable> _owned = [];
    private readonly CapturingLogger<RollupCache> _log = new();
    private readonly ManualClock _time = new(VietnamTime.StartOf(new DateOnly(2025, 6, 20)));

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task SecondRead_IsServedFromTheSnapshot()
    {
        var (store, cache) = Open(new RollupCacheOptions());
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);

        var first = await ReadAsync(cache, store, CommuneA);
        var second = await ReadAsync(cache, store, District);

        Assert.Equal(50, first);
        Assert.Equal(50, second);
        Assert.Equal(1, cache.Loads);
    }

    [Fact]
    public async Task AnotherProcessWriting_IsSeenAtTheNextCheck()
    {
        var (store, cache) = Open(new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = false });
        var collector = OtherProcess();
        await collector.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        Assert.Equal(50, await ReadAsync(cache, store, District));

        await collector.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);

        Assert.Equal(75, await ReadAsync(cache, store, District));
        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task WritesOfAnotherKpi_DoNotReadThisOneAgain()
    {
        var (store, cache) = Open(new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = false });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);

        await OtherProcess().WriteAsync([Observation.Scalar(Count, CommuneA, June, 4, "s")], Ct);
        await ReadAsync(cache, store, District);

        Assert.Equal(1, cache.Loads);
    }

    [Fact]
    public async Task ServeStale_AnswersFromTheOldSnapshot_WhileTheNewOneIsRead()
    {
        var (store, cache) = Open(new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = true });
        var collector = OtherProcess();
        await collector.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);

        await collector.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);
        var stale = await ReadAsync(cache, store, District);
        await WaitUntilAsync(() => cache.Loads == 2);

        Assert.Equal(50, stale);
        Assert.Equal(75, await ReadAsync(cache, store, District));
    }

    [Fact]
    public async Task BetweenChecks_TheSnapshotStands_UntilInvalidated()
    {
        var (store, cache) = Open(new RollupCacheOptions { CheckInterval = TimeSpan.FromHours(1), ServeStale = false });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);
        await OtherProcess().WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);

        var beforeInvalidate = await ReadAsync(cache, store, District);
        cache.Invalidate(Ratio);
        var after = await ReadAsync(cache, store, District);

        Assert.Equal(50, beforeInvalidate);
        Assert.Equal(75, after);
    }

    [Fact]
    public async Task OldSnapshot_IsReadAgain_AfterMaxAge_EvenWithoutAChangeMark()
    {
        var (store, cache) = Open(new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = false, MaxAge = TimeSpan.FromMinutes(15) });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);

        _time.Advance(TimeSpan.FromMinutes(10));
        await ReadAsync(cache, store, District);
        Assert.Equal(1, cache.Loads);
        _time.Advance(TimeSpan.FromMinutes(6));
        await ReadAsync(cache, store, District);

        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task CellBudget_DropsTheLeastRecentlyUsedSnapshot()
    {
        // 13 months × 5 units = 65 cells a snapshot; room for two.
        var (store, cache) = Open(new RollupCacheOptions { MaxCells = 150, WindowMonths = 13 });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s"), Observation.Scalar(Count, CommuneA, June, 3, "s"), Observation.Scalar(Score, CommuneA, June, 80, "s")], Ct);
        var reader = new KpiReader(store, _catalog, cache);

        foreach (string kpi in (string[])[Ratio, Count, Ratio, Score, Ratio, Count])
        {
            await reader.GetSeriesAsync(kpi, CommuneA, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);
        }

        // Ratio stays (used often); Count is read, dropped for Score, and read again.
        Assert.Equal(4, cache.Loads);
        Assert.True(cache.Cells <= 150, $"{cache.Cells} ô");
    }

    [Fact]
    public async Task StoreNotAnsweringTheCheck_ServesWhatIsCached_AndSaysSoOnce()
    {
        var sqlite = Sqlite("flaky.db");
        var store = new VersionsFailingStore(sqlite);
        var cache = Cache(store, new RollupCacheOptions { CheckInterval = TimeSpan.Zero });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);

        store.Failing = true;
        var during = new List<double?>();
        for (int i = 0; i < 3; i++)
        {
            during.Add(await ReadAsync(cache, store, District));
        }

        Assert.All(during, v => Assert.Equal(50, v));
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("Không hỏi được kho số liệu", StringComparison.Ordinal)
            && e.Text.Contains(VersionsFailingStore.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuringAnOutage_TheStoreIsAskedOncePerInterval_AndCachedFiguresStandPastMaxAge()
    {
        var store = new VersionsFailingStore(Sqlite("outage.db"));
        var cache = Cache(store, new RollupCacheOptions { CheckInterval = TimeSpan.FromSeconds(5), MaxAge = TimeSpan.FromMinutes(15) });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);
        store.Failing = true;
        _time.Advance(TimeSpan.FromSeconds(6));

        var during = new List<double?>();
        for (int i = 0; i < 4; i++)
        {
            during.Add(await ReadAsync(cache, store, District));
        }

        int asked = store.VersionChecks;
        _time.Advance(TimeSpan.FromMinutes(20));
        during.Add(await ReadAsync(cache, store, District));
        during.Add(await ReadAsync(cache, store, District));

        Assert.All(during, v => Assert.Equal(50, v));
        Assert.Equal(2, asked); // the first check, then one failed check for four requests
        Assert.Equal(3, store.VersionChecks); // one more after 20 minutes, not one per request
        Assert.Equal(1, cache.Loads); // no reload started past MaxAge while the store is down
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task AReadUnderWayWhenAFigureIsEntered_IsNeitherJoinedNorKept()
    {
        var store = new VersionsFailingStore(Sqlite("race.db"));
        var cache = Cache(store, new RollupCacheOptions { CheckInterval = TimeSpan.FromHours(1), ServeStale = false });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.FirstSeriesHeldUntil = release.Task;

        var before = ReadAsync(cache, store, District); // reads 1/2, then is held
        await WaitUntilAsync(() => store.SeriesReads == 1, "the first read did not reach the store");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);
        cache.Invalidate(Ratio);
        var after = await ReadAsync(cache, store, District);
        release.SetResult();
        await before;
        var later = await ReadAsync(cache, store, District);

        Assert.Equal(75, after);
        Assert.Equal(75, later);
    }

    [Fact]
    public async Task AFailedBackgroundReload_IsLoggedOnce_HoweverManyRequestsWereServedStaleMeanwhile()
    {
        var sqlite = Sqlite("reload.db");
        var store = new VersionsFailingStore(sqlite);
        var cache = Cache(store, new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = true });
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(cache, store, District);
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.SeriesFailAfter = release.Task;

        var during = new List<double?>();
        for (int i = 0; i < 5; i++)
        {
            during.Add(await ReadAsync(cache, store, District));
        }

        release.SetResult();
        await WaitUntilAsync(() => _log.Entries.Any(e => e.Text.Contains("Không làm mới được", StringComparison.Ordinal)), "no warning about the failed reload");
        await Task.Delay(300); // time for any further warnings to arrive

        Assert.All(during, v => Assert.Equal(50, v));
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("Không làm mới được", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_StopsAReadWaitingOnTheStore_AndReturnsOnlyOnceItHasEnded()
    {
        var store = new VersionsFailingStore(Sqlite("stop.db"));
        var cache = Cache(store, new RollupCacheOptions());
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        store.FirstSeriesHeldUntil = new TaskCompletionSource().Task; // a store that never answers

        var reading = ReadAsync(cache, store, District);
        await WaitUntilAsync(() => store.SeriesReads == 1, "the read did not reach the store");
        await cache.DisposeAsync();

        Assert.Equal(1, store.SeriesReadsEnded); // ended before DisposeAsync returned: nothing reads the store afterwards
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SeveralUnitsAtOnce_EqualEachReadOnItsOwn_FromOneRead(bool cached)
    {
        var (store, cache) = Open(new RollupCacheOptions());
        await store.WriteAsync(
        [
            Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s"),
            Observation.Ratio(Ratio, CommuneB, June, 3, 10, "s"),
            Observation.Ratio(Ratio, Department, July, 5, 5, "s"),
        ], Ct);
        var reader = cached ? new KpiReader(store, _catalog, cache) : new KpiReader(store, _catalog);
        string[] units = [Province, Department, District, CommuneA];

        var together = await reader.GetSeriesAsync(Ratio, units, June, July.AddMonths(1), PeriodGranularity.Month, Ct);
        long loadsTogether = cache.Loads;

        foreach (string unit in units)
        {
            Assert.Equal(await reader.GetSeriesAsync(Ratio, unit, June, July.AddMonths(1), PeriodGranularity.Month, Ct), together[unit]);
        }

        Assert.Equal(cached ? 1 : 0, loadsTogether);
        Assert.Equal(4.0 / 12 * 100, together[District][0].Value.Value!.Value, 9);
    }

    [Theory]
    [InlineData(Ratio)]
    [InlineData(Count)]
    [InlineData(Score)]
    [InlineData(Percent)]
    [InlineData(Rank)]
    public async Task EveryKind_FromTheCache_EqualsADirectRead(string kpi)
    {
        var (store, cache) = Open(new RollupCacheOptions());
        var definition = _catalog.Kpis.Find(kpi)!;
        Observation Figure(string unit, DateTimeOffset at, int n) => definition.Kind == KpiKind.Ratio
            ? Observation.Ratio(kpi, unit, at, n % 7, n % 5 == 0 ? 0 : 10 + n, "s")
            : Observation.Scalar(kpi, unit, at, n % 7 == 0 ? 0 : 3 * n + 0.5, "s");
        string[] units = [Province, Department, District, CommuneA, CommuneB];
        var figures = Enumerable.Range(0, 14).SelectMany(m => units.Select((unit, u) => (m, unit, u)))
            .Where(x => (x.m + x.u) % 4 != 0)
            .Select(x => Figure(x.unit, June.AddMonths(-x.m).AddDays(3), x.m * 5 + x.u))
            .ToList();
        // A later figure in the same month replaces the first; an earlier one written after it does not.
        figures.Add(Figure(CommuneA, June.AddDays(20), 41));
        figures.Add(Figure(CommuneB, June.AddMonths(-1).AddDays(1), 43));
        await store.WriteAsync(figures, Ct);

        var cached = await new KpiReader(store, _catalog, cache).GetSeriesAsync(kpi, units, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);
        var direct = await new KpiReader(store, _catalog).GetSeriesAsync(kpi, units, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);

        Assert.Equal(1, cache.Loads);
        foreach (string unit in units)
        {
            Assert.Equal(direct[unit], cached[unit]);
        }

        Assert.Contains(cached[District], p => p.Value.Value is not null);
        Assert.Equal(definition.Kind == KpiKind.Ratio, cached[CommuneA].Any(p => p.Value.Numerator is not null));
    }

    [Fact]
    public async Task FirstRead_CoversAYearBack_AndATwoYearChart_ReadsOnlyTheOlderMonths()
    {
        var (inner, store, cache) = Counted(new RollupCacheOptions());
        await inner.WriteAsync(TwoYears(), Ct);
        var reader = new KpiReader(store, _catalog, cache);
        var direct = new KpiReader(inner, _catalog);
        string[] units = [Province, Department, District, CommuneA, CommuneB];

        var year = await reader.GetSeriesAsync(Ratio, units, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);
        Assert.Equal([(June.AddMonths(-12), July)], store.Ranges);

        var twoYears = await reader.GetSeriesAsync(Ratio, units, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);
        Assert.Equal([(June.AddMonths(-12), July), (June.AddMonths(-23), June.AddMonths(-12))], store.Ranges);

        var expected = await direct.GetSeriesAsync(Ratio, units, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);
        foreach (string unit in units)
        {
            Assert.Equal(expected[unit], twoYears[unit]);
            Assert.Equal(expected[unit].Skip(11), year[unit]);
        }

        Assert.Contains(twoYears[District], p => p.Value.Value is not null);
        await reader.GetSeriesAsync(Ratio, units, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);
        Assert.Equal(2, store.Ranges.Count);
        Assert.Equal(2, cache.Loads);
    }

    [Fact]
    public async Task OverviewTile_ReadsOnlyTheThreePeriodsItCompares_AndWideningThenServesTheSparklineAndTheChart()
    {
        var (inner, store, cache) = Counted(new RollupCacheOptions());
        await inner.WriteAsync(TwoYears(), Ct);
        var reader = new KpiReader(store, _catalog, cache);
        var kpi = _catalog.Kpis.Find(Ratio)!;

        var tile = await new KpiMonitor.Shared.Assessments.KpiAssessor(reader, _catalog, _time).AssessAsync(kpi, _catalog.Units.Find(District)!, new DateOnly(2025, 6, 1), Ct);

        Assert.Equal([(June.AddMonths(-1), July), (June.AddMonths(-12), June.AddMonths(-11))], store.Ranges);
        var direct = await new KpiReader(inner, _catalog).GetSeriesAsync(Ratio, District, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);
        Assert.Equal((direct[^1].Value.Value, direct[^2].Value.Value, direct[^13].Value.Value), (tile.Value.Value, tile.Previous.Value, tile.LastYear.Value));

        Assert.Equal(1, await cache.WidenAsync(Ct));
        Assert.Equal((June.AddMonths(-23), June.AddMonths(-1)), store.Ranges[^1]);
        Assert.Equal(direct, await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-23), July, PeriodGranularity.Month, Ct));
        Assert.Equal(direct.Skip(12), await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-11), July, PeriodGranularity.Month, Ct));
        Assert.Equal(3, store.Ranges.Count);
        Assert.Equal(0, await cache.WidenAsync(Ct));
    }

    [Fact]
    public async Task KpiChangedSinceTheFirstRead_IsReadWhole_NotJoined()
    {
        var (inner, store, cache) = Counted(new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = false });
        await inner.WriteAsync(TwoYears(), Ct);
        var reader = new KpiReader(store, _catalog, cache);
        await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);

        await OtherProcess().WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 10, 10, "s"), Observation.Ratio(Ratio, CommuneB, June, 10, 10, "s")], Ct);
        var twoYears = await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);

        Assert.Equal((June.AddMonths(-23), July), store.Ranges[^1]);
        Assert.Equal(100, twoYears[^1].Value.Value);
    }

    [Fact]
    public async Task Widen_ReadsTheOlderMonthsOfEveryNarrowSnapshot_ThenChartsAreServedFromMemory()
    {
        var (inner, store, cache) = Counted(new RollupCacheOptions());
        await inner.WriteAsync(TwoYears(), Ct);
        var reader = new KpiReader(store, _catalog, cache);
        await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-12), July, PeriodGranularity.Month, Ct);

        Assert.Equal(1, await cache.WidenAsync(Ct));
        Assert.Equal((June.AddMonths(-23), June.AddMonths(-12)), store.Ranges[^1]);
        Assert.Equal(0, await cache.WidenAsync(Ct));

        var twoYears = await reader.GetSeriesAsync(Ratio, District, June.AddMonths(-23), July, PeriodGranularity.Month, Ct);
        Assert.Equal(2, store.Ranges.Count);
        Assert.Equal(await new KpiReader(inner, _catalog).GetSeriesAsync(Ratio, District, June.AddMonths(-23), July, PeriodGranularity.Month, Ct), twoYears);
    }

    [Fact]
    public async Task DaysAndWeeks_AreReadDirectly()
    {
        var (store, cache) = Open(new RollupCacheOptions());
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);

        var days = await new KpiReader(store, _catalog, cache).GetSeriesAsync(Ratio, District, June, June.AddDays(3), PeriodGranularity.Day, Ct);

        Assert.Equal(50, days[0].Value.Value);
        Assert.Equal(0, cache.Loads);
    }

    [Fact]
    public async Task UnknownUnit_IsRefusedAsBefore()
    {
        var (store, cache) = Open(new RollupCacheOptions());

        await Assert.ThrowsAsync<KeyNotFoundException>(() => new KpiReader(store, _catalog, cache).GetSeriesAsync(Ratio, "P.NOPE", June, July, PeriodGranularity.Month, Ct));
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

    private async Task<double?> ReadAsync(RollupCache cache, ITimeSeriesStore store, string unit)
    {
        var series = await new KpiReader(store, _catalog, cache).GetSeriesAsync(Ratio, unit, June, July, PeriodGranularity.Month, Ct);
        return Assert.Single(series).Value.Value;
    }

    private (SqliteTimeSeriesStore Store, RollupCache Cache) Open(RollupCacheOptions options)
    {
        var store = Sqlite("shared.db");
        return (store, Cache(store, options));
    }

    private SqliteTimeSeriesStore OtherProcess() => Sqlite("shared.db");

    /// <summary>The store, the same store counting the ranges of series read through it, and a cache over the counting one.</summary>
    private (SqliteTimeSeriesStore Inner, VersionsFailingStore Store, RollupCache Cache) Counted(RollupCacheOptions options)
    {
        var inner = Sqlite("shared.db");
        var store = new VersionsFailingStore(inner);
        return (inner, store, Cache(store, options));
    }

    /// <summary>Two years of figures up to June 2025 for both communes and the department, each month different.</summary>
    private static List<Observation> TwoYears() =>
        [.. Enumerable.Range(0, 24).SelectMany(m => new[]
        {
            Observation.Ratio(Ratio, CommuneA, June.AddMonths(-m), m, 30, "s"),
            Observation.Ratio(Ratio, CommuneB, June.AddMonths(-m), 2 * m % 17, 20, "s"),
            Observation.Ratio(Ratio, Department, June.AddMonths(-m), 3, 4 + m, "s"),
        })];

    private SqliteTimeSeriesStore Sqlite(string file)
    {
        var store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = Path.Combine(_folder, file) }), _catalog, TimeProvider.System);
        _owned.Add(store);
        return store;
    }

    private RollupCache Cache(ITimeSeriesStore store, RollupCacheOptions options)
    {
        var cache = new RollupCache(store, _catalog, Options.Create(options), _time, _log);
        _owned.Add(cache);
        return cache;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what = "the new snapshot was not read") =>
        Eventually.WaitUntilAsync(condition, what, TimeSpan.FromSeconds(20));

    /// <summary>The real SQLite store, except that asking for change versions, or reading series, can be made to fail like an unreachable server.</summary>
    private sealed class VersionsFailingStore(SqliteTimeSeriesStore inner) : ITimeSeriesStore
    {
        public const string Message = "máy chủ không trả lời (thử nghiệm)";

        public bool Failing { get; set; }

        public int VersionChecks => Volatile.Read(ref _versionChecks);

        public int SeriesReads => Volatile.Read(ref _seriesReads);

        /// <summary>The ranges series were read for, in order.</summary>
        public List<(DateTimeOffset From, DateTimeOffset To)> Ranges { get; } = [];

        /// <summary>Series reads that have returned or thrown.</summary>
        public int SeriesReadsEnded => Volatile.Read(ref _seriesReadsEnded);

        /// <summary>When set, the first series read answers only once this task completes (its figures read before).</summary>
        public Task? FirstSeriesHeldUntil { get; set; }

        private int _versionChecks, _seriesReads, _seriesReadsEnded;

        /// <summary>When set, series reads wait for this task and then fail like an unreachable server.</summary>
        public Task? SeriesFailAfter { get; set; }

        public Task<IReadOnlyDictionary<string, long>> GetChangeVersionsAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _versionChecks);
            return Failing ? throw new TimeSeriesStoreException(Message, isTransient: true) : inner.GetChangeVersionsAsync(cancellationToken);
        }

        public Task<WriteResult> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken) => inner.WriteAsync(observations, cancellationToken);

        public Task<IReadOnlyList<StoredValue>> GetLatestAsync(string kpi, DateTimeOffset asOf, IReadOnlyCollection<string>? units, CancellationToken cancellationToken) =>
            inner.GetLatestAsync(kpi, asOf, units, cancellationToken);

        public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to,
            PeriodGranularity granularity, CancellationToken cancellationToken) =>
            ReadAsync(from, to, () => inner.GetSeriesAsync(kpi, units, from, to, granularity, cancellationToken), cancellationToken);

        public Task ScanSeriesAsync(string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, SeriesRowHandler rows,
            CancellationToken cancellationToken) =>
            ReadAsync(from, to, async () =>
            {
                await inner.ScanSeriesAsync(kpi, units, from, to, rows, cancellationToken);
                return true;
            }, cancellationToken);

        private async Task<T> ReadAsync<T>(DateTimeOffset from, DateTimeOffset to, Func<Task<T>> read, CancellationToken cancellationToken)
        {
            if (SeriesFailAfter is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
                throw new TimeSeriesStoreException(Message, isTransient: true);
            }

            lock (Ranges)
            {
                Ranges.Add((from, to));
            }

            try
            {
                var result = await read();
                if (Interlocked.Increment(ref _seriesReads) == 1 && FirstSeriesHeldUntil is { } held)
                {
                    await held.WaitAsync(cancellationToken);
                }

                return result;
            }
            finally
            {
                Interlocked.Increment(ref _seriesReadsEnded);
            }
        }

        public Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(CancellationToken cancellationToken) => inner.GetSourceActivityAsync(cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken) => inner.PingAsync(cancellationToken);
    }
}
