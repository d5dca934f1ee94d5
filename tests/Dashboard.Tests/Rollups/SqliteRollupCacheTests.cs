using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>The rollup cache over the embedded SQLite store; every store gets its own new file.</summary>
public sealed class SqliteRollupCacheTests : RollupCacheStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-sqlite-").FullName;
    private readonly List<SqliteTimeSeriesStore> _stores = [];

    protected override Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken)
    {
        var options = Options.Create(new SqliteOptions { Path = Path.Combine(_folder, $"{Guid.NewGuid():N}.db") });
        var store = new SqliteTimeSeriesStore(options, catalog, TimeProvider.System);
        _stores.Add(store);
        return Task.FromResult<ITimeSeriesStore>(store);
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
