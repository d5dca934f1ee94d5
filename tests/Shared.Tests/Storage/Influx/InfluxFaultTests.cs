using System.Diagnostics;
using System.Net;
using System.Text;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>Retries and refusals, with faults injected between the store and a real influxd.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxFaultTests(InfluxFixture fixture) : IAsyncLifetime
{
    private const string Password = "Mật-khẩu-bí-mật-42!";
    private static readonly DateTimeOffset Jan = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private readonly string _db = InfluxFixture.NewDatabase();
    private readonly CapturingLogger<InfluxTimeSeriesStore> _log = new();
    private FaultInjectingProxy _proxy = null!;

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync()
    {
        _proxy = await FaultInjectingProxy.StartAsync(fixture.Url);
        await fixture.CreateDatabaseAsync(_db);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task Write_503WithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        var store = Store(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        _proxy.FailNext(2, HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var result = await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 7, "s")], Ct);

        Assert.Equal(1, result.Written);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited only {clock.Elapsed}");
        Assert.Equal(2, _proxy.FaultCount);
        // Two refused tries and one good one for the observation batch, then the source activity batch and the change mark.
        Assert.Equal(5, _proxy.Requests.Count(r => r.StartsWith("POST /write", StringComparison.Ordinal)));
        Assert.Equal(7, Assert.Single(await Store().GetLatestAsync(Count, Jan.AddDays(1), null, Ct)).Value);
        Assert.Contains(_log.Entries, e => e.Text.Contains("503", StringComparison.Ordinal) && e.Text.Contains("thử lại lần 1/5", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task Write_RetryableStatus_IsRetriedUntilItPasses(HttpStatusCode status)
    {
        var store = Store();
        _proxy.FailNext(3, status);

        var result = await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 8, "s")], Ct);

        Assert.Equal(1, result.Written);
        Assert.Equal(3, _proxy.FaultCount);
        Assert.Equal(8, Assert.Single(await Store().GetLatestAsync(Count, Jan.AddDays(1), null, Ct)).Value);
    }

    [Fact]
    public async Task Write_DroppedConnection_IsRetried()
    {
        var store = Store();
        _proxy.DropNext(2);

        var result = await store.WriteAsync([Observation.Scalar(Count, CommuneB, Jan, 9, "s")], Ct);

        Assert.Equal(1, result.Written);
        Assert.Equal(2, _proxy.FaultCount);
        Assert.Equal(9, Assert.Single(await Store().GetLatestAsync(Count, Jan.AddDays(1), null, Ct)).Value);
    }

    [Fact]
    public async Task Write_SlowAnswer_TimesOutAndIsRetried()
    {
        // Every attempt of the three writes (figures, activity, change mark) has this timeout: generous enough for a
        // loaded machine, far below the held answer.
        var store = Store(o => o.Timeout = TimeSpan.FromSeconds(2));
        _proxy.DelayNext(1, TimeSpan.FromSeconds(10));

        var result = await store.WriteAsync([Observation.Scalar(Count, CommuneB, Jan, 10, "s")], Ct);

        Assert.Equal(1, result.Written);
        Assert.Contains(_log.Entries, e => e.Text.Contains("quá thời gian chờ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task Write_RefusedStatus_ThrowsNonTransient_WithoutRetry(HttpStatusCode status)
    {
        var store = Store();
        _proxy.FailNext(1, status, error: "authorization failed (injected)");

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 1, "s")], Ct));

        Assert.False(ex.IsTransient);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Contains("authorization failed (injected)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _proxy.RequestCount);
    }

    [Fact]
    public async Task Write_RetriesExhausted_ThrowsTransient_NamingTheUrl_NotThePassword()
    {
        var store = Store(o =>
        {
            o.MaxRetries = 3;
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
        });
        _proxy.FailAlways(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(30));

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 1, "s")], Ct));

        Assert.True(ex.IsTransient);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(4, _proxy.RequestCount);
        Assert.Contains(_proxy.Url.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("4 lần thử", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex.ToString());
        AssertNoSecret(_log.AllText);
    }

    [Fact]
    public async Task ServerDown_PingAndQueriesThrowTransient_WithoutThePassword()
    {
        var store = Store(o => o.MaxRetries = 1, url: new Uri("http://127.0.0.1:9/"));

        var ping = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.PingAsync(Ct));
        var query = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.GetLatestAsync(Count, Jan, null, Ct));

        Assert.True(ping.IsTransient);
        Assert.True(query.IsTransient);
        Assert.Contains("http://127.0.0.1:9/", ping.Message, StringComparison.Ordinal);
        AssertNoSecret(ping.ToString() + query);
        AssertNoSecret(_log.AllText);
    }

    [Fact]
    public async Task Credentials_GoAsBasicAuthentication_TokenAsThePassword()
    {
        var store = Store(o =>
        {
            o.Username = null;
            o.Password = null;
            o.Token = "my-token";
        });

        await store.PingAsync(Ct);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("kpimonitor:my-token")), _proxy.LastAuthorization);
    }

    [Fact]
    public async Task Write_ConcurrentBatches_WithIntermittentFaults_StoreEverything()
    {
        var store = Store(o =>
        {
            o.BatchSize = 10;
            o.MaxConcurrentBatches = 4;
        });
        var observations = Enumerable.Range(0, 200).Select(i => Observation.Scalar(Score, i % 2 == 0 ? CommuneA : CommuneB, Jan.AddHours(i), i, "s")).ToArray();
        _proxy.FailNext(3, HttpStatusCode.ServiceUnavailable);
        _proxy.DropNext(2);
        _proxy.FailNext(2, HttpStatusCode.TooManyRequests);

        var result = await store.WriteAsync(observations, Ct);
        string count = await fixture.QueryRawAsync(_db, "SELECT count(\"value\") FROM \"observation\"");

        Assert.Equal(200, result.Written);
        Assert.Equal(7, _proxy.FaultCount);
        Assert.Contains("[0,200]", count, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ServerError_IsRetried_ThenAnswers()
    {
        var store = Store();
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 3, "s")], Ct);
        _proxy.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var latest = await store.GetLatestAsync(Count, Jan.AddDays(1), null, Ct);

        Assert.Equal(3, Assert.Single(latest).Value);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{Password}")), text, StringComparison.Ordinal);
    }

    private InfluxTimeSeriesStore Store(Action<InfluxOptions>? configure = null, Uri? url = null) =>
        fixture.CreateStore(Create(), _db, o =>
        {
            // influxd here runs without authentication and ignores credentials, so they cost nothing to send.
            o.Username = "admin";
            o.Password = Password;
            o.FirstRetryDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            // One batch at a time makes request counts exact; concurrency has its own test.
            o.MaxConcurrentBatches = 1;
            configure?.Invoke(o);
        }, url ?? _proxy.Url, _log);
}
