using KpiMonitor.Shared.Configuration;
using KpiMonitor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Testing;

/// <summary>Fresh SQLite stores, each its own file in one temporary folder; disposing closes them all and deletes the folder.</summary>
public sealed class TempSqliteStores : IDisposable
{
    private readonly List<SqliteTimeSeriesStore> _stores = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("kpimonitor-sqlite-").FullName;

    public SqliteTimeSeriesStore Create(Catalog catalog)
    {
        var options = Options.Create(new SqliteOptions { Path = Path.Combine(Folder, $"{Guid.NewGuid():N}.db") });
        var store = new SqliteTimeSeriesStore(options, catalog, TimeProvider.System);
        _stores.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
