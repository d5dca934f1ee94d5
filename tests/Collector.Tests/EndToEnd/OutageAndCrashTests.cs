using System.Diagnostics;
using System.Text.Json;
using KpiMonitor.Collector.Spool;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>The store going away and the collector being killed: every point arrives, and only once.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OutageAndCrashTests(SimulatorAndInflux env) : IDisposable
{
    private IReadOnlyCollection<string> AllUnits => env.Catalog.Units.Units.Select(u => u.Code).ToList();

    [Fact]
    public async Task InfluxStoppedDuringARun_KeepsEverythingInTheSpool_AndDeliversItOnceWhenBack()
    {
        await using var influx = await InfluxdServer.StartAsync();
        string database = SimulatorAndInflux.NewDatabase();
        string sources = TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop");
        // One-stop pages held 1 s each: influxd is stopped while the run still polls, however loaded the machine.
        env.Simulator.State.Faults.Set("onestop-stats", FaultMode.Slow, delayMs: 1000);
        var first = CollectorHarness.Create(sources, influx.Url.ToString(), database);
        long spooled;
        await using (first)
        {
            var run = first.RunOnceAsync();
            await WaitUntilAsync(() => first.Spool.PendingPoints > 0, "a first page in the spool");
            await influx.StopAsync();
            var (code, output) = await run;

            Assert.Equal(1, code);
            Assert.Contains("còn", output);
            spooled = first.Spool.PendingPoints;
            Assert.True(spooled > 0);
        }

        env.Simulator.State.Faults.Clear();
        await influx.StartAgainAsync();
        var second = CollectorHarness.Create(sources, influx.Url.ToString(), database, root: first.Root);
        await using (second)
        {
            Assert.Equal(spooled, second.Spool.PendingPoints);
            var drained = await second.Services.GetRequiredService<SpoolDrainer>().DrainAsync(CancellationToken.None);

            Assert.True(drained.Emptied, drained.Error);
            Assert.Equal(spooled, drained.Written);
            await AssertEverythingOnceAsync(influx, database, second);
        }

        second.DeleteFolder();
    }

    [Fact]
    public async Task CollectorKilledMidCycle_LosesNothing_AndDuplicatesNothing_AfterARestart()
    {
        string database = SimulatorAndInflux.NewDatabase();
        string root = Directory.CreateTempSubdirectory("kpimonitor-kill-").FullName;
        CollectorHarness.CopyConfig(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, "config", "sources.json"), TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"));
        env.Simulator.State.Faults.Set("onestop-stats", FaultMode.Slow, delayMs: 700);

        using (var victim = StartCollector(root, database))
        {
            string spool = Path.Combine(root, "state", "spool");
            await WaitUntilAsync(() => victim.HasExited || (Directory.Exists(spool) && Directory.EnumerateFiles(spool, "*.jsonl").Count() >= 3), "three spooled pages");
            Assert.False(victim.HasExited, "the collector ended early: " + await victim.StandardError.ReadToEndAsync() + await victim.StandardOutput.ReadToEndAsync());
            victim.Kill(entireProcessTree: true);
            await victim.WaitForExitAsync();
        }

        env.Simulator.State.Faults.Clear();
        using var restarted = StartCollector(root, database);
        string output = await restarted.StandardOutput.ReadToEndAsync();
        await restarted.WaitForExitAsync();

        Assert.True(restarted.ExitCode == 0, output + await restarted.StandardError.ReadToEndAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, "state", "spool"), "*.jsonl*"));
        var check = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"), env.Influx.Url.ToString(), database, root: root);
        await using (check)
        {
            await AssertEverythingOnceAsync(env.Influx, database, check);
        }

        check.DeleteFolder();
    }

    public void Dispose() => env.Simulator.State.Faults.Clear();

    private async Task AssertEverythingOnceAsync(InfluxdServer influx, string database, CollectorHarness harness)
    {
        Expected.Same(Expected.EOffice(env.Simulator),
            await Expected.StoredAsync(harness.Store, AllUnits, "e_document_rate", "digital_signature_rate", "online_work_record_rate"));
        var oneStop = Expected.OneStop(env.Simulator);
        Expected.Same(oneStop, await Expected.StoredAsync(harness.Store, AllUnits, oneStop.Keys.Select(k => k.Kpi).Distinct().ToArray()));

        // A point per KPI, unit and month, never two: counted by InfluxDB itself.
        using var http = new HttpClient();
        string query = Uri.EscapeDataString("SELECT count(\"numerator\") FROM \"observation\" WHERE \"kpi\" = 'e_document_rate'");
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(influx.Url, $"/query?db={database}&q={query}")));
        long count = doc.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0][1].GetInt64();
        Assert.Equal(Expected.EOffice(env.Simulator).Keys.Count(k => k.Kpi == "e_document_rate"), count);
    }

    private Process StartCollector(string root, string database)
    {
        // The collector's own build output, of the same configuration as this test's (its deps.json is its own).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Collector", "bin", configuration, "net10.0", "KpiMonitor.Collector.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--once"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Catalog__Directory"] = Path.Combine(root, "config");
        start.Environment["Collector__StateDirectory"] = Path.Combine(root, "state");
        start.Environment["Storage__Influx__Url"] = env.Influx.Url.ToString();
        start.Environment["Storage__Influx__Database"] = database;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in CollectorHarness.Secrets)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the collector");
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Eventually.WaitUntilAsync(condition, what, TimeSpan.FromSeconds(60));
}
