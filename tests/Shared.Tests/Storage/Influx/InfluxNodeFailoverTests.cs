using System.Net;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>
/// Which answers move a request to the next node, and the back-off of a failed node. Two fault-injecting proxies
/// in front of the one real influxd play two nodes of a cluster that share their data.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxNodeFailoverTests(InfluxFixture fixture) : IAsyncLifetime
{
    private readonly string _db = InfluxFixture.NewDatabase();
    private readonly CapturingLogger<InfluxTimeSeriesStore> _log = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private FaultInjectingProxy _a = null!;
    private FaultInjectingProxy _b = null!;

    public async Task InitializeAsync()
    {
        _a = await FaultInjectingProxy.StartAsync(fixture.Url);
        _b = await FaultInjectingProxy.StartAsync(fixture.Url);
        await fixture.CreateDatabaseAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task FirstNodeAnswers503_TheWriteGoesToTheSecond_AndTheFirstIsSkippedUntilItsBackoffEnds()
    {
        var store = Store();
        _a.FailAlways(HttpStatusCode.ServiceUnavailable);

        var first = await store.WriteAsync([Point(1)], Ct);
        int triedA = _a.RequestCount;
        await store.WriteAsync([Point(2)], Ct);
        int skippedA = _a.RequestCount;
        _a.Reset();
        _clock.Advance(TimeSpan.FromSeconds(31));
        await store.WriteAsync([Point(3)], Ct);

        Assert.Equal(1, first.Written);
        Assert.Equal(1, triedA);
        Assert.Equal(triedA, skippedA);
        Assert.True(_a.RequestCount > 0, "after the back-off the first node is tried again");
        Assert.Equal(_a.Url, store.Url);
        Assert.Contains("[0,3]", await fixture.QueryRawAsync(_db, "SELECT count(\"value\") FROM \"observation\""), StringComparison.Ordinal);
        Assert.Contains(_log.Entries, e => e.Text.Contains($"InfluxDB {_a.Url} không trả lời (HTTP 503", StringComparison.Ordinal)
            && e.Text.Contains($"bỏ qua nút này 30 s, chuyển sang {_b.Url}", StringComparison.Ordinal));
        Assert.Contains(_log.Entries, e => e.Text.Contains($"InfluxDB {_a.Url} trả lời lại", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_FirstNodeDropsTheConnection_IsAnsweredByTheSecond()
    {
        var store = Store();
        await store.WriteAsync([Point(1)], Ct);
        _a.DropNext(1);

        var latest = await store.GetLatestAsync(Count, Local(2025, 2, 1), null, Ct);

        Assert.Equal(1, Assert.Single(latest).Value);
        Assert.Equal(_b.Url, store.Url);
        Assert.Contains(_log.Entries, e => e.Text.Contains($"InfluxDB {_a.Url} không trả lời (lỗi mạng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A4xxFromTheFirstNode_IsTheAnswer_TheSecondIsNotAsked()
    {
        var store = Store();
        _a.FailNext(1, HttpStatusCode.Unauthorized, error: "authorization failed");

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.WriteAsync([Point(1)], Ct));

        Assert.Equal(401, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Equal(0, _b.RequestCount);
    }

    [Fact]
    public async Task Ping_OneNodeRefuses401_OtherDown_ThrowsNotTransient_NamingBoth()
    {
        var store = Store();
        _a.FailNext(1, HttpStatusCode.Unauthorized, error: "authorization failed");
        _b.DropNext(1);

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.PingAsync(Ct));

        Assert.False(ex.IsTransient);
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains($"{_a.Url}: HTTP 401", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{_b.Url}: lỗi mạng", ex.Message, StringComparison.Ordinal);
    }

    private InfluxTimeSeriesStore Store() =>
        fixture.CreateStore(Create(), _db, o =>
        {
            o.Url = _a.Url.ToString();
            o.Urls.Add(_b.Url.ToString());
            o.MaxRetries = 0;
            o.MaxConcurrentBatches = 1;
        }, logger: _log, time: _clock);

    private static Observation Point(int month) => Observation.Scalar(Count, CommuneA, Local(2025, month, 1), month, "s");
}
