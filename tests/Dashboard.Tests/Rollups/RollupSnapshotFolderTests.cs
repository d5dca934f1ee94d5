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
/// Snapshots kept in <see cref="RollupCacheOptions.SnapshotFolder"/> across a restart: a second cache on the same folder
/// stands for the restarted dashboard, a second store on the same SQLite file for the collector writing meanwhile.
/// </summary>
public sealed class RollupSnapshotFolderTests : IDisposable
{
    private static readonly DateTimeOffset June = VietnamTime.StartOf(new DateOnly(2025, 6, 1));
    private static readonly DateTimeOffset July = VietnamTime.StartOf(new DateOnly(2025, 7, 1));

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-rollupfolder-").FullName;
    private readonly Catalog _catalog = Create();
    private readonly List<IDisposable> _owned = [];
    private readonly ManualClock _time = new(VietnamTime.StartOf(new DateOnly(2025, 6, 20)));

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private string Snapshots => Path.Combine(_folder, "rollups");

    [Fact]
    public async Task Restart_ServesTheSavedSnapshot_WithoutReadingTheStore()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(Cache(store, serveStale: false), store, Ratio, District);

        var restarted = Cache(Sqlite("shared.db"), serveStale: false);
        int restored = await restarted.RestoreAsync(Ct);

        Assert.Equal(1, restored);
        Assert.Equal(50, await ReadAsync(restarted, store, Ratio, District));
        Assert.Equal(0, restarted.Loads);
    }

    [Fact]
    public async Task Restart_AfterAnOverviewTile_HasItsPeriods_NotLastYearsMonthReadAfterThem()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s"), Observation.Ratio(Ratio, CommuneA, June.AddMonths(-12), 1, 4, "s")], Ct);
        var before = Cache(store, serveStale: false);
        var assessor = new KpiMonitor.Shared.Assessments.KpiAssessor(new KpiReader(store, _catalog, before), _catalog, _time);
        var tile = await assessor.AssessAsync(_catalog.Kpis.Find(Ratio)!, _catalog.Units.Find(CommuneA)!, new DateOnly(2025, 6, 1), Ct);
        Assert.Equal((50.0, 25.0), (tile.Value.Value, tile.LastYear.Value));
        Assert.Equal(2, before.Loads);

        var restarted = Cache(Sqlite("shared.db"), serveStale: false);
        Assert.Equal(1, await restarted.RestoreAsync(Ct));
        var twoMonths = await new KpiReader(store, _catalog, restarted).GetSeriesAsync(Ratio, CommuneA, June.AddMonths(-1), July, PeriodGranularity.Month, Ct);

        Assert.Equal(50.0, twoMonths[^1].Value.Value);
        Assert.Equal(0, restarted.Loads);
    }

    [Fact]
    public async Task Restart_AfterTheKpiChanged_AnswersTheSavedFiguresWhileReadingThemAgain()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, June, 4, "s")], Ct);
        var before = Cache(store, serveStale: true);
        await ReadAsync(before, store, Ratio, District);
        await ReadAsync(before, store, Count, District);
        await Sqlite("shared.db").WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);

        var restarted = Cache(store, serveStale: true);
        Assert.Equal(2, await restarted.RestoreAsync(Ct));
        var stale = await ReadAsync(restarted, store, Ratio, District);
        await Eventually.WaitUntilAsync(() => restarted.Loads == 1, "the changed KPI was not read again", TimeSpan.FromSeconds(20));

        Assert.Equal(50, stale);
        Assert.Equal(75, await ReadAsync(restarted, store, Ratio, District));
        Assert.Equal(4, await ReadAsync(restarted, store, Count, District));
        Assert.Equal(1, restarted.Loads);
    }

    [Fact]
    public async Task WithoutServeStale_OnlyUnchangedKpisAreTakenBack()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, June, 4, "s")], Ct);
        var before = Cache(store, serveStale: false);
        await ReadAsync(before, store, Ratio, District);
        await ReadAsync(before, store, Count, District);
        await Sqlite("shared.db").WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);

        var restarted = Cache(store, serveStale: false);

        Assert.Equal(1, await restarted.RestoreAsync(Ct));
        Assert.Equal(75, await ReadAsync(restarted, store, Ratio, District));
        Assert.Equal(1, restarted.Loads);
    }

    [Fact]
    public async Task FilesOfAnotherStore_AreNotUsed_AndDeleted()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(Cache(store, serveStale: true), store, Ratio, District);
        var other = Sqlite("other.db");
        await other.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 3, 4, "s")], Ct);

        var restarted = Cache(other, serveStale: true);

        Assert.Equal(0, await restarted.RestoreAsync(Ct));
        Assert.Empty(Directory.GetFiles(Snapshots));
        Assert.Equal(75, await ReadAsync(restarted, other, Ratio, District));
    }

    [Fact]
    public async Task FileCutShort_IsSkipped_AndTheKpiReadFromTheStore()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s")], Ct);
        await ReadAsync(Cache(store, serveStale: true), store, Ratio, District);
        string file = Assert.Single(Directory.GetFiles(Snapshots));
        await using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var restarted = Cache(store, serveStale: true);

        Assert.Equal(0, await restarted.RestoreAsync(Ct));
        Assert.Equal(50, await ReadAsync(restarted, store, Ratio, District));
        Assert.Equal(1, restarted.Loads);
    }

    [Fact]
    public async Task SnapshotFile_HoldsEveryCellAsBuilt()
    {
        var store = Sqlite("shared.db");
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, June, 1, 2, "s"), Observation.Ratio(Ratio, CommuneB, June, 3, 8, "s")], Ct);
        var before = Cache(store, serveStale: false);
        var units = _catalog.Units.Units.Select(u => u.Code).ToList();
        var read = new List<double?>();
        foreach (string unit in units)
        {
            read.Add(await ReadAsync(before, store, Ratio, unit));
        }

        var restarted = Cache(store, serveStale: false);
        await restarted.RestoreAsync(Ct);
        var restored = new List<double?>();
        foreach (string unit in units)
        {
            restored.Add(await ReadAsync(restarted, store, Ratio, unit));
        }

        Assert.Equal(read, restored);
        Assert.Contains(40, restored); // the district: (1 + 3) ÷ (2 + 8)
        Assert.Equal(0, restarted.Loads);
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

    private async Task<double?> ReadAsync(RollupCache cache, ITimeSeriesStore store, string kpi, string unit)
    {
        var series = await new KpiReader(store, _catalog, cache).GetSeriesAsync(kpi, unit, June, July, PeriodGranularity.Month, Ct);
        return Assert.Single(series).Value.Value;
    }

    private SqliteTimeSeriesStore Sqlite(string file)
    {
        var store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = Path.Combine(_folder, file) }), _catalog, TimeProvider.System);
        _owned.Add(store);
        return store;
    }

    private RollupCache Cache(ITimeSeriesStore store, bool serveStale)
    {
        var options = new RollupCacheOptions { CheckInterval = TimeSpan.Zero, ServeStale = serveStale, SnapshotFolder = Snapshots };
        var cache = new RollupCache(store, _catalog, Options.Create(options), _time, new CapturingLogger<RollupCache>());
        _owned.Add(cache);
        return cache;
    }
}
