using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>A real outage: the server process is killed and started again. Uses its own influxd, not the shared one.</summary>
public sealed class InfluxOutageTests
{
    [Fact]
    public async Task Write_DuringARestart_IsRetriedUntilTheServerIsBack_AndEarlierDataSurvives()
    {
        await using var server = await InfluxdServer.StartAsync();
        using var http = new HttpClient();
        var options = new InfluxOptions
        {
            Url = server.Url.ToString(),
            Database = "outage",
            MaxRetries = 20,
            FirstRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        var store = new InfluxTimeSeriesStore(http, Options.Create(options), Create(), TimeProvider.System, NullLogger<InfluxTimeSeriesStore>.Instance);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 1, "s")], Ct);

        await server.StopAsync();
        var down = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.PingAsync(Ct));
        var write = store.WriteAsync([Observation.Scalar(Count, CommuneB, Jan, 2, "s")], Ct);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(write.IsCompleted);
        await server.StartAgainAsync();
        var result = await write;

        Assert.True(down.IsTransient);
        Assert.Equal(1, result.Written);
        Assert.Equal([1.0, 2.0], (await store.GetLatestAsync(Count, Feb, null, Ct)).Select(v => v.Value!.Value));
    }
}
