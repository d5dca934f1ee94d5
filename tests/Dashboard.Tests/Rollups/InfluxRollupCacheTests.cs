using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>The rollup cache over a real influxd; every store gets its own new database.</summary>
public sealed class InfluxRollupCacheTests(InfluxdFixture fixture) : RollupCacheStoreContract, IClassFixture<InfluxdFixture>
{
    protected override Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken)
    {
        var options = new InfluxOptions { Url = fixture.Url.ToString(), Database = $"t_{Guid.NewGuid():N}", FirstRetryDelay = TimeSpan.FromMilliseconds(10) };
        return Task.FromResult<ITimeSeriesStore>(
            new InfluxTimeSeriesStore(fixture.Http, Options.Create(options), catalog, TimeProvider.System, NullLogger<InfluxTimeSeriesStore>.Instance));
    }
}
