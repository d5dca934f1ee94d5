using System.Text;
using System.Text.RegularExpressions;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>
/// Splitting a batch the real influxd 1.6.7 answered with 400. That server refuses a whole request when no line in
/// it parses (as 2.x and 3.x do for any bad line) and answers "partial write" otherwise, so the batches below are
/// laid out to meet both answers during one bisection. Requests are counted by a proxy in front of the server.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed partial class InfluxBatchSplitTests(InfluxFixture fixture) : IAsyncLifetime
{
    private readonly string _db = InfluxFixture.NewDatabase();
    private FaultInjectingProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FaultInjectingProxy.StartAsync(fixture.Url);
        await fixture.CreateDatabaseAsync(_db);
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task PartialWriteThenWholeRefusals_IsolateExactlyTheUnparsableLines_WithFourMoreRequests()
    {
        var (connection, splitter) = Connect();
        byte[] body = Lines(8, bad: [4, 5]);

        var first = await connection.WriteAsync(body, gzipped: false, nanoseconds: false, Ct);
        var split = await splitter.IsolateAsync(body, nanoseconds: false, first, Ct);

        Assert.Equal(400, first.Code);
        Assert.Contains("partial write", first.ServerMessage, StringComparison.Ordinal);
        Assert.Equal([4, 5], split.Bad.Select(b => b.Line));
        Assert.All(split.Bad, b => Assert.Contains("unable to parse", b.Reason, StringComparison.Ordinal));
        // [0,4) 204; [4,6) refused whole (nothing in it parses); [4] and [5] refused; [6,8) is known good, not sent again.
        Assert.Equal(4, split.Requests);
        Assert.Equal(5, _proxy.RequestCount);
        Assert.Equal([0, 1, 2, 3, 6, 7], await StoredAsync());
    }

    [Fact]
    public async Task WholeBatchRefused_BothHalvesAreSent_UntilEachBadLineStandsAlone()
    {
        var (connection, splitter) = Connect();
        byte[] body = Lines(4, bad: [0, 1, 2, 3]);

        var first = await connection.WriteAsync(body, gzipped: false, nanoseconds: false, Ct);
        var split = await splitter.IsolateAsync(body, nanoseconds: false, first, Ct);

        Assert.Equal(400, first.Code);
        Assert.DoesNotContain("partial write", first.ServerMessage, StringComparison.Ordinal);
        Assert.Equal([0, 1, 2, 3], split.Bad.Select(b => b.Line));
        Assert.Equal(6, split.Requests);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task OneBadLineAmong1024_TakesAtMostLog2Requests_AndStoresTheOther1023()
    {
        var (connection, splitter) = Connect();
        byte[] body = Lines(1024, bad: [700]);

        var first = await connection.WriteAsync(body, gzipped: false, nanoseconds: false, Ct);
        var split = await splitter.IsolateAsync(body, nanoseconds: false, first, Ct);

        Assert.Equal(700, Assert.Single(split.Bad).Line);
        Assert.Equal(10, split.Requests); // log2(1024): one left half per level
        Assert.Equal(1023, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task Store_PartialWriteOfATypeConflict_NamesOnlyTheRefusedObservation_AndStoresTheRest()
    {
        // Someone wrote "value" as a string in January's shard: 1.x refuses float values there, nowhere else.
        var (status, _) = await fixture.WriteRawAsync(_db,
            $"observation,kpi={Count},unit={CommuneA} value=\"không phải số\",source=\"raw\" {Jan.ToUnixTimeMilliseconds()}\n");
        Assert.Equal(204, status);
        var store = fixture.CreateStore(Create(), _db, url: _proxy.Url);
        var observations = Enumerable.Range(0, 16).Select(m => Observation.Scalar(Count, CommuneB, Local(2024 + (m / 12), (m % 12) + 1, 1), m, "s")).ToList();
        int before = _proxy.RequestCount;

        var result = await store.WriteAsync(observations, Ct);

        var refused = Assert.Single(result.RefusedByServer!);
        Assert.Equal(Jan, refused.Observation.Time);
        Assert.Contains("field type conflict", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.DroppedByServer);
        Assert.Equal(15, result.Written);
        Assert.Contains("[0,15]", await fixture.QueryRawAsync(_db, $"SELECT count(\"value\") FROM \"observation\" WHERE \"unit\" = '{CommuneB}'"), StringComparison.Ordinal);
        // The observation batch, log2(16) = 4 halves at most, then the activity batch and the change marks.
        Assert.InRange(_proxy.RequestCount - before, 4, 1 + 4 + 2);
    }

    private (InfluxConnection Connection, InfluxBatchSplitter Splitter) Connect()
    {
        var options = new InfluxOptions { Url = _proxy.Url.ToString(), Database = _db, MaxRetries = 0 };
        var connection = new InfluxConnection(fixture.Http, options, TimeProvider.System, NullLogger.Instance);
        return (connection, new InfluxBatchSplitter(connection));
    }

    /// <summary><paramref name="count"/> lines of measurement <c>split</c> tagged n=index; the lines in <paramref name="bad"/> lack a field value.</summary>
    private static byte[] Lines(int count, int[] bad)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(bad.Contains(i) ? $"split,n={i} v= {1000 + i}\n" : $"split,n={i} v={i} {1000 + i}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<List<int>> StoredAsync()
    {
        string json = await fixture.QueryRawAsync(_db, "SELECT \"v\" FROM \"split\" GROUP BY \"n\"");
        return [.. TagN().Matches(json).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }

    [GeneratedRegex("\"n\":\"(\\d+)\"")]
    private static partial Regex TagN();
}
