using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>The rollup cache over the embedded SQLite store; every store gets its own new file.</summary>
public sealed class SqliteRollupCacheTests : RollupCacheStoreContract, IDisposable
{
    private readonly TempSqliteStores _stores = new();

    protected override Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken) =>
        Task.FromResult<ITimeSeriesStore>(_stores.Create(catalog));

    public void Dispose() => _stores.Dispose();
}
