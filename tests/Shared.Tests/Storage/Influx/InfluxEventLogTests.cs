using System.Text.Json;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>
/// How InfluxDB holds event logs, beyond the contract: reads fold points with the same key, so these tests count
/// the points on the server to show that a re-append really overwrites instead of adding.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxEventLogTests(InfluxFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 11, 0, 0, 123, TimeSpan.Zero);

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task ReAppend_OverwritesTheSamePoints_OnTheServer()
    {
        string database = InfluxFixture.NewDatabase();
        var store = fixture.CreateStore(TestCatalog.Create(), database);
        // Two events of one stream in the same millisecond: the sequence in the nanoseconds keeps them apart.
        StoredEvent[] events = [new("alerts", "rule/a", 1, T0, "fired", "{}"), new("alerts", "rule/a", 2, T0, "notified", "{}")];

        await store.AppendAsync(events, Ct);
        await store.AppendAsync(events, Ct);

        Assert.Equal(2, await CountPointsAsync(database));
        Assert.Equal(events, await store.ReadAsync("alerts", null, Ct));
    }

    [Fact]
    public async Task Append_ManyEvents_SplitIntoSeveralRequests_AllStored()
    {
        string database = InfluxFixture.NewDatabase();
        var store = fixture.CreateStore(TestCatalog.Create(), database, o => o.BatchSize = 2);
        var events = Enumerable.Range(1, 7).Select(i => new StoredEvent("alerts", $"rule/{i % 3}", i, T0.AddSeconds(i), "pending", $"{{\"i\":{i}}}")).ToList();

        await store.AppendAsync(events, Ct);

        Assert.Equal(7, await CountPointsAsync(database));
        Assert.Equal(events, await store.ReadAsync("alerts", null, Ct));
    }

    private async Task<long> CountPointsAsync(string database)
    {
        string json = await fixture.QueryRawAsync(database, "SELECT count(\"sequence\") FROM \"stored_event\"");
        using var document = JsonDocument.Parse(json);
        var series = document.RootElement.GetProperty("results")[0].GetProperty("series")[0];
        return series.GetProperty("values")[0][1].GetInt64();
    }
}
