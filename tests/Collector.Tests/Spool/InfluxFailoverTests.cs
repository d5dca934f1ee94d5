using System.Text.Json;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Collector.Tests.Spool;

/// <summary>
/// Two real influxd processes as the two node addresses of one store; the first is killed while the spool is
/// being drained. Two separate servers do not share data as a cluster's nodes do, which lets the test see
/// where each point went.
/// </summary>
public sealed class InfluxFailoverTests
{
    private const int Pages = 30;
    private const int PerPage = 10;
    private const int KillAfterPage = 12;

    [Fact]
    public async Task FirstNodeKilledMidDrain_WritesContinueOnTheSecond_AndNothingIsLost()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cancel.Token;
        await using var first = await InfluxdServer.StartAsync(ct);
        await using var second = await InfluxdServer.StartAsync(ct);
        string root = Directory.CreateTempSubdirectory("kpimonitor-failover-").FullName;
        try
        {
            using var http = new HttpClient();
            var log = new CapturingLogger<InfluxTimeSeriesStore>();
            var options = new InfluxOptions
            {
                Database = "failover",
                MaxRetries = 1,
                FirstRetryDelay = TimeSpan.FromMilliseconds(50),
                Timeout = TimeSpan.FromSeconds(5),
                FailedNodeRetryDelay = TimeSpan.FromMinutes(5),
                Urls = { first.Url.ToString(), second.Url.ToString() },
            };
            var store = new InfluxTimeSeriesStore(http, Options.Create(options), Create(), TimeProvider.System, log);
            var collector = Options.Create(new CollectorOptions { StateDirectory = root });
            using var spool = new ObservationSpool(collector, TimeProvider.System, NullLogger<ObservationSpool>.Instance);
            using var deadLetters = new DeadLetterFile(collector, TimeProvider.System);
            using var drainer = new SpoolDrainer(spool, store, deadLetters, NullLogger<SpoolDrainer>.Instance);

            // Pages go in one by one while a drain runs after each; the kill lands between or during drains.
            long written = 0;
            var killed = new TaskCompletionSource();
            var run = Task.Run(async () =>
            {
                for (int page = 0; page < Pages; page++)
                {
                    await spool.AppendAsync(Page(page), ct);
                    if (page == KillAfterPage)
                    {
                        killed.SetResult();
                    }

                    written += (await drainer.DrainAsync(ct)).Written;
                }
            }, ct);
            await killed.Task.WaitAsync(ct);
            await first.StopAsync();
            await run;

            for (int round = 0; round < 5 && spool.PendingPoints > 0; round++)
            {
                written += (await drainer.DrainAsync(ct)).Written;
            }

            Assert.Equal(0, spool.PendingPoints);
            Assert.Equal(Pages * PerPage, written);
            var secondPoints = await PointsAsync(http, second.Url, ct);
            await first.StartAgainAsync(ct);
            var firstPoints = await PointsAsync(http, first.Url, ct);

            var expected = Enumerable.Range(0, Pages).SelectMany(Page).Select(Key).ToHashSet();
            Assert.Equal(expected, firstPoints.Union(secondPoints).ToHashSet());
            // Before the kill everything went to the first node; after it, everything to the second.
            Assert.Subset(firstPoints, Page(0).Select(Key).ToHashSet());
            Assert.Subset(secondPoints, Enumerable.Range(KillAfterPage + 1, Pages - KillAfterPage - 1).SelectMany(Page).Select(Key).ToHashSet());
            Assert.DoesNotContain(Page(0).Select(Key), secondPoints.Contains);
            Assert.Equal(second.Url, store.Url);
            Assert.Contains(log.Entries, e => e.Text.Contains($"InfluxDB {first.Url}", StringComparison.Ordinal) && e.Text.Contains("không trả lời", StringComparison.Ordinal)
                && e.Text.Contains($"chuyển sang {second.Url}", StringComparison.Ordinal));
            Assert.Contains(log.Entries, e => e.Text.Contains($"{second.Url} tiếp nhận yêu cầu thay cho {first.Url}", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task PingNodes_ReportsEachNode_AndTheStoreAnswersWhileOneIsUp()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var up = await InfluxdServer.StartAsync(cancel.Token);
        string down = $"http://127.0.0.1:{LoopbackPort.Free()}/";
        using var http = new HttpClient();
        var options = new InfluxOptions { Url = down, Urls = { up.Url.ToString() }, Database = "ping", MaxRetries = 0 };
        var store = new InfluxTimeSeriesStore(http, Options.Create(options), Create(), TimeProvider.System, NullLogger<InfluxTimeSeriesStore>.Instance);

        var nodes = await store.PingNodesAsync(cancel.Token);
        await store.PingAsync(cancel.Token);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, VietnamTime.StartOf(new DateOnly(2025, 1, 1)), 1, "s")], cancel.Token);

        Assert.Equal([new Uri(down), up.Url], nodes.Select(n => n.Url));
        Assert.False(nodes[0].Answering);
        Assert.Contains("lỗi mạng", nodes[0].Problem, StringComparison.Ordinal);
        Assert.True(nodes[1].Answering);
        Assert.Equal(up.Url, store.Url);
        await up.StopAsync();
        var none = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.PingAsync(cancel.Token));
        Assert.Contains(down, none.Message, StringComparison.Ordinal);
        Assert.Contains(up.Url.ToString(), none.Message, StringComparison.Ordinal);
    }

    /// <summary>Ten distinct points: two communes over five consecutive months starting 2000-01 + 5 × page.</summary>
    private static List<Observation> Page(int page) =>
    [
        .. Enumerable.Range(page * 5, 5).SelectMany(m => new[] { CommuneA, CommuneB }.Select(unit =>
            Observation.Scalar(Count, unit, VietnamTime.StartOf(new DateOnly(2000, 1, 1).AddMonths(m)), m, "s"))),
    ];

    private static string Key(Observation o) => $"{o.Unit}@{o.Time.ToUnixTimeMilliseconds()}";

    private static async Task<HashSet<string>> PointsAsync(HttpClient http, Uri server, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new("q", "SELECT \"value\" FROM \"observation\" GROUP BY \"unit\""), new("db", "failover"), new("epoch", "ms")]);
        using var response = await http.PostAsync(new Uri(server, "query"), form, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var keys = new HashSet<string>();
        var result = json.RootElement.GetProperty("results")[0];
        if (!result.TryGetProperty("series", out var series))
        {
            return keys;
        }

        foreach (var s in series.EnumerateArray())
        {
            string unit = s.GetProperty("tags").GetProperty("unit").GetString()!;
            foreach (var row in s.GetProperty("values").EnumerateArray())
            {
                keys.Add($"{unit}@{row[0].GetInt64()}");
            }
        }

        return keys;
    }
}
