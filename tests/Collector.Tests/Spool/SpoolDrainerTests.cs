using System.Text.Json;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Collector.Tests.Spool;

/// <summary>The drain loop against the real embedded store, and against an InfluxDB URL where nothing listens.</summary>
public sealed class SpoolDrainerTests
{
    private const string NoSources = "{ \"sources\": [] }";
    private static readonly DateTimeOffset March = new(2026, 2, 28, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RefusedPoints_GoToTheDeadLetterFileWithTheReason_AndTheRestIsStored()
    {
        var harness = CollectorHarness.Create(NoSources);
        await using (harness)
        {
            await harness.Spool.AppendAsync(
            [
                Observation.Ratio("online_dossier_rate", "LCU.S.SNV", March, 40, 50, "onestop"),
                Observation.Ratio("online_dossier_rate", "LCU.NO.SUCH", March, 1, 2, "onestop"),
                Observation.Ratio("online_dossier_rate", "LCU.S.STP", March, 60, 50, "onestop"),
            ], CancellationToken.None);

            var result = await harness.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);

            Assert.True(result.Emptied, result.Error);
            Assert.Equal(1, result.Written);
            Assert.Equal(2, result.DeadLettered);
            var lines = Directory.GetFiles(Path.Combine(harness.Root, "state", "dead-letter"), "*.jsonl").SelectMany(File.ReadAllLines).ToList();
            Assert.Equal(2, lines.Count);
            using var first = JsonDocument.Parse(lines[0]);
            Assert.Contains("LCU.NO.SUCH", first.RootElement.GetProperty("reason").GetString());
            Assert.Equal("LCU.NO.SUCH", first.RootElement.GetProperty("observation").GetProperty("u").GetString());
            Assert.Contains("lớn hơn mẫu số", lines[1]);
            Assert.Equal(80, Assert.Single(await harness.Store.GetLatestAsync("online_dossier_rate", March.AddDays(1), null, CancellationToken.None)).Value);
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task PointsTheServerRefuses_OnlyThoseAreDeadLettered_TheRestOfTheSegmentIsStored()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await influxd.CreateDatabaseAsync("refused");
        // "numerator" written as text in March's shard first: InfluxDB 1.x refuses the float numerator of March there.
        using (var http = new HttpClient())
        using (var raw = new StringContent($"observation,kpi=online_dossier_rate,unit=LCU.S.SNV numerator=\"x\" {March.ToUnixTimeMilliseconds()}\n"))
        {
            using var response = await http.PostAsync(new Uri(influxd.Url, "write?db=refused&precision=ms"), raw);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        }

        var harness = CollectorHarness.Create(NoSources, influxUrl: influxd.Url.ToString(), database: "refused");
        await using (harness)
        {
            var february = March.AddMonths(-1);
            await harness.Spool.AppendAsync(
            [
                Observation.Ratio("online_dossier_rate", "LCU.S.SNV", february, 40, 50, "onestop"),
                Observation.Ratio("online_dossier_rate", "LCU.S.STP", March, 30, 50, "onestop"),
                Observation.Ratio("online_dossier_rate", "LCU.S.STP", february, 20, 50, "onestop"),
            ], CancellationToken.None);

            var result = await harness.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);

            Assert.True(result.Emptied, result.Error);
            Assert.Equal(2, result.Written);
            Assert.Equal(1, result.DeadLettered);
            string line = Assert.Single(Directory.GetFiles(Path.Combine(harness.Root, "state", "dead-letter"), "*.jsonl").SelectMany(File.ReadAllLines));
            using var dead = JsonDocument.Parse(line);
            Assert.Contains("field type conflict", dead.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("LCU.S.STP", dead.RootElement.GetProperty("observation").GetProperty("u").GetString());
            Assert.Equal(2, (await harness.Store.GetLatestAsync("online_dossier_rate", february.AddDays(1), null, CancellationToken.None)).Count);
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task StoreUnreachable_KeepsEverything_AndSaysWhere()
    {
        var harness = CollectorHarness.Create(NoSources, influxUrl: "http://127.0.0.1:9");
        await using (harness)
        {
            await harness.Spool.AppendAsync([Observation.Ratio("online_dossier_rate", "LCU.S.SNV", March, 40, 50, "onestop")], CancellationToken.None);

            var result = await harness.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);

            Assert.False(result.Emptied);
            Assert.Equal(1, result.Remaining);
            Assert.Contains("127.0.0.1:9", result.Error);
            Assert.Single(harness.Spool.Segments());
        }

        harness.DeleteFolder();
    }
}
