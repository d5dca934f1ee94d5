using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Tests.Storage;

public sealed class SqliteTimeSeriesStoreContractTests : TimeSeriesStoreContract, IDisposable
{
    private readonly KpiMonitor.Testing.TempSqliteStores _stores = new();

    protected override Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken) =>
        Task.FromResult<ITimeSeriesStore>(_stores.Create(catalog));

    [Fact]
    public async Task Data_SurvivesAReopenOfTheFile()
    {
        var options = Options.Create(new SqliteOptions { Path = Path.Combine(_stores.Folder, "reopen", "store.db") });
        var catalog = KpiMonitor.Testing.TestCatalog.Create();
        using (var first = new SqliteTimeSeriesStore(options, catalog, TimeProvider.System))
        {
            await first.WriteAsync([Observation.Scalar(KpiMonitor.Testing.TestCatalog.Count, KpiMonitor.Testing.TestCatalog.CommuneA, Jan, 3, "s")], Ct);
        }

        using var second = new SqliteTimeSeriesStore(options, catalog, TimeProvider.System);
        Assert.Equal(3, Assert.Single(await second.GetLatestAsync(KpiMonitor.Testing.TestCatalog.Count, Feb, null, Ct)).Value);
    }

    public void Dispose() => _stores.Dispose();
}
