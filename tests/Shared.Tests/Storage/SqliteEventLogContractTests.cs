using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Tests.Storage;

public sealed class SqliteEventLogContractTests : EventLogContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-events-").FullName;
    private readonly Dictionary<IEventLog, string> _paths = [];
    private readonly List<SqliteTimeSeriesStore> _stores = [];

    protected override Task<IEventLog> CreateLogAsync(CancellationToken cancellationToken, TimeProvider? time = null) =>
        Task.FromResult<IEventLog>(Open(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"), time));

    protected override IEventLog Reopen(IEventLog log) => Open(_paths[log]);

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteTimeSeriesStore Open(string path, TimeProvider? time = null)
    {
        var store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = path }), TestCatalog.Create(), time ?? TimeProvider.System);
        _stores.Add(store);
        _paths[store] = path;
        return store;
    }
}
