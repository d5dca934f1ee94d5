using System.Net.Http.Headers;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>
/// Query answers as MessagePack (asked for) and as JSON (what a server without MessagePack sends), both from a real
/// influxd, and the shard duration of a database the store creates.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxAnswerFormatTests(InfluxFixture fixture)
{
    private const string Lines =
        "m,unit=Xã\\ Bản\\ Giang f=1.5,i=7i,s=\"Sở Nội vụ \\\"một cửa\\\"\",b=true 1735664400000\n" +
        "m,unit=P.H1 f=-0.25,b=false 1735750800000\n" +
        "m,unit=P.H1 i=9007199254740993i,s=\"" + "dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài dài" + "\" 1735837200000\n" +
        "n,kind=x,unit=P v=3 1735664400000\n";

    private const string Query = "SELECT \"unit\",\"f\",\"i\",\"s\",\"b\" FROM \"m\" ORDER BY time ASC; SELECT \"v\" FROM \"n\" GROUP BY \"kind\"; SELECT nonsense FROM \"absent\"";

    [Fact]
    public async Task Server_AnswersMessagePack_WhenAsked()
    {
        string db = await WrittenAsync();
        var (body, mediaType) = await AskAsync(db, InfluxReply.MessagePackMediaType);
        Assert.Equal(InfluxReply.MessagePackMediaType, mediaType);
        Assert.NotEqual((byte)'{', body[0]);
    }

    [Fact]
    public async Task MessagePack_ReadsAsJsonDoes_KeptAndHandedOver()
    {
        string db = await WrittenAsync();
        var (json, _) = await AskAsync(db, "application/json");
        var (pack, _) = await AskAsync(db, InfluxReply.MessagePackMediaType);

        string expected = Describe(InfluxQueryResponse.Parse(json));
        Assert.Equal(expected, Describe(InfluxMessagePackResponse.Parse(pack, null)));
        Assert.Contains("Xã Bản Giang", expected, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ \"một cửa\"", expected, StringComparison.Ordinal);
        Assert.Contains("kind=x", expected, StringComparison.Ordinal);
        Assert.Contains("null", expected, StringComparison.Ordinal);

        // Handed over row by row, the rows are the same, and a repeated text is one string.
        var handedJson = new List<string>();
        var handedPack = new List<string>();
        var units = new List<string>();
        InfluxQueryResponse.Parse(json, (series, row) => handedJson.Add(Row(series, row)));
        InfluxMessagePackResponse.Parse(pack, (series, row) =>
        {
            handedPack.Add(Row(series, row));
            if (row.Length > 1 && row[1].Text is { } unit)
            {
                units.Add(unit);
            }
        });
        Assert.Equal(4, handedPack.Count);
        Assert.Equal(handedJson, handedPack);
        Assert.Equal(["Xã Bản Giang", "P.H1", "P.H1"], units);
        Assert.Same(units[1], units[2]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(InfluxReply.MessagePackMediaType)]
    public async Task ChunkedAnswer_IsJoined_IntoTheUnchunkedOne(string accept)
    {
        string db = await WrittenAsync();
        var (whole, _) = await AskAsync(db, accept);
        var (chunks, _) = await AskAsync(db, accept, "&chunked=true&chunk_size=1");

        var expected = Parse(whole, accept);
        var joined = Parse(chunks, accept);

        Assert.Equal(Describe(expected), Describe(joined));
        Assert.Equal(3, joined[0].Series.Single().Rows.Count);
        Assert.DoesNotContain(joined, r => r.Partial || r.Series.Any(s => s.Partial));
    }

    [Fact]
    public async Task ErrorAnswer_InMessagePack_IsQuoted()
    {
        using var content = new FormUrlEncodedContent([new("q", "SELEC nonsense")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Url, "/query")) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(InfluxReply.MessagePackMediaType));
        using var response = await fixture.Http.SendAsync(request, Ct);
        byte[] body = await response.Content.ReadAsByteArrayAsync(Ct);

        var reply = new InfluxReply(response.StatusCode, "", body, fixture.Url, MessagePack: true);
        Assert.StartsWith("error parsing query: found SELEC", reply.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_ReadsAJsonOnlyServer()
    {
        // influxd behind a hop that drops the Accept header: the server answers JSON, as one without MessagePack does.
        string db = InfluxFixture.NewDatabase();
        using var http = new HttpClient(new WithoutAccept { InnerHandler = new HttpClientHandler() });
        var options = Microsoft.Extensions.Options.Options.Create(new InfluxOptions { Url = fixture.Url.ToString(), Database = db });
        var store = new InfluxTimeSeriesStore(http, options, Create(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxTimeSeriesStore>.Instance);
        await store.WriteAsync([Observation.Ratio(Ratio, CommuneA, Jan, 3, 4, "s"), Observation.Ratio(Ratio, CommuneB, Jan, 1, 4, "s")], Ct);

        var series = await store.GetSeriesAsync(Ratio, null, Jan, Feb, PeriodGranularity.Month, Ct);
        var latest = await store.GetLatestAsync(Ratio, Feb, null, Ct);

        Assert.Equal([(CommuneA, 75.0), (CommuneB, 25.0)], series.Select(p => (p.Unit, p.Value!.Value)));
        Assert.Equal([(CommuneA, "s"), (CommuneB, "s")], latest.Select(v => (v.Unit, v.Source!)));
        Assert.True(WithoutAccept.Dropped > 0);
    }

    [Theory]
    [InlineData(InfluxOptions.DefaultShardDuration, "34944h0m0s")]
    [InlineData("52w", "8736h0m0s")]
    [InlineData("", "168h0m0s")]
    public async Task CreatedDatabase_HasTheConfiguredShardDuration(string shardDuration, string expected)
    {
        string db = InfluxFixture.NewDatabase();
        var store = fixture.CreateStore(Create(), db, o => o.ShardDuration = shardDuration);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 4, "s")], Ct);

        string policies = await fixture.QueryRawAsync(db, "SHOW RETENTION POLICIES");
        Assert.Contains($"\"{expected}\"", policies, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4y")]
    [InlineData("208w; DROP DATABASE x")]
    [InlineData("0w")]
    public void ShardDuration_OtherThanADuration_IsRefused(string shardDuration)
    {
        var options = new InfluxOptions { Url = "http://127.0.0.1:8086", ShardDuration = shardDuration };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        bool valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(InfluxOptions.ShardDuration)));
        Assert.Throws<ArgumentException>(() => InfluxQl.CreateDatabase("x", shardDuration));
    }

    private async Task<string> WrittenAsync()
    {
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        var (status, body) = await fixture.WriteRawAsync(db, Lines);
        Assert.True(status == 204, body);
        return db;
    }

    private static List<InfluxStatementResult> Parse(byte[] body, string accept) =>
        accept == InfluxReply.MessagePackMediaType ? InfluxMessagePackResponse.Parse(body, null) : InfluxQueryResponse.Parse(body);

    private async Task<(byte[] Body, string? MediaType)> AskAsync(string db, string accept, string parameters = "")
    {
        using var content = new FormUrlEncodedContent([new("q", Query), new("db", db), new("epoch", "ms")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Url, "/query" + (parameters.Length > 0 ? "?" + parameters[1..] : ""))) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await fixture.Http.SendAsync(request, Ct);
        return (await response.Content.ReadAsByteArrayAsync(Ct), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Describe(List<InfluxStatementResult> results) => string.Join("\n", results.Select(r =>
        $"#{r.StatementId} error={r.Error} partial={r.Partial}\n" + string.Join("\n", r.Series.Select(s =>
            $"{s.Name} [{string.Join(",", s.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}] ({string.Join(",", s.Columns)})\n"
            + string.Join("\n", s.Rows.Select(row => Row(s, row)))))));

    private static string Row(InfluxSeries series, ReadOnlySpan<InfluxCell> row)
    {
        var cells = new List<string> { series.Name };
        foreach (var cell in row)
        {
            cells.Add(cell.Number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : cell.Text is { } t ? $"'{t}'" : "null");
        }

        return string.Join("|", cells);
    }

    private sealed class WithoutAccept : DelegatingHandler
    {
        public static int Dropped;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Accept.Count > 0)
            {
                Interlocked.Increment(ref Dropped);
                request.Headers.Accept.Clear();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
