using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>The shared store contract against a real influxd; every store gets its own new database.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxTimeSeriesStoreContractTests(InfluxFixture fixture) : TimeSeriesStoreContract
{
    protected override Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken) =>
        Task.FromResult<ITimeSeriesStore>(fixture.CreateStore(catalog, InfluxFixture.NewDatabase()));
}
