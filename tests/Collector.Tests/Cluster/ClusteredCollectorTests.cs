using System.Diagnostics;
using System.Text.Json;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.Testing;
using Xunit.Abstractions;

namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>
/// Several real collector processes sharing one schedule through Quartz's clustered job store on a private PostgreSQL,
/// polling the simulator and writing to a real influxd (ADR 015): each firing runs once, and a killed instance's poll is
/// run again by another.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClusteredCollectorTests(SimulatorAndInflux env, PostgresFixture postgres, ITestOutputHelper output)
    : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kpimonitor-cluster-").FullName;

    private IReadOnlyCollection<string> AllUnits => env.Catalog.Units.Units.Select(u => u.Code).ToList();

    [Fact]
    public async Task ThreeInstances_RunEveryScheduledFiringExactlyOnce_CountedAtTheSimulatorAndInInfluxDb()
    {
        var perPoll = await RequestsPerPollAsync();
        string database = SimulatorAndInflux.NewDatabase();
        string connection = await postgres.Server.CreateDatabaseAsync(database);
        // Four firings 4 s apart, the first far enough ahead for three processes to start on a loaded machine.
        var (cron, times) = ClusterSchedule.Firings(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), count: 4, spacing: 4);
        WriteConfig(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop").Replace("0 0 * * * ?", cron, StringComparison.Ordinal));
        // Every firing, plus the one run a source gets when it is first declared in the cluster.
        const int expectedPolls = 5;
        long eofficeBefore = env.Simulator.State.Stats.Requests(SimEndpoints.EOffice);
        long oneStopBefore = env.Simulator.State.Stats.Requests(SimEndpoints.OneStopStats);

        var instances = StartInstances(database, connection, "a", "b", "c");
        try
        {
            await Eventually.WaitUntilAsync(() => DateTimeOffset.UtcNow > times[^1] + TimeSpan.FromSeconds(2)
                && instances.Sum(i => i.PollsLogged("eoffice")) >= expectedPolls && instances.Sum(i => i.PollsLogged("onestop")) >= expectedPolls,
                "five polls of each source", TimeSpan.FromSeconds(150)).WaitAsync(TimeSpan.FromSeconds(151));
            // Time for a second run of any firing to show itself.
            await Task.Delay(TimeSpan.FromSeconds(5));
            foreach (var instance in instances)
            {
                output.WriteLine($"{instance.Name}: eoffice {instance.PollsLogged("eoffice")}, onestop {instance.PollsLogged("onestop")}");
            }

            Assert.All(instances, i => Assert.False(i.HasExited, i.Output));
            Assert.Equal(expectedPolls, instances.Sum(i => i.PollsLogged("eoffice")));
            Assert.Equal(expectedPolls, instances.Sum(i => i.PollsLogged("onestop")));
            Assert.Equal(expectedPolls * perPoll.EOffice, env.Simulator.State.Stats.Requests(SimEndpoints.EOffice) - eofficeBefore);
            Assert.Equal(expectedPolls * perPoll.OneStop, env.Simulator.State.Stats.Requests(SimEndpoints.OneStopStats) - oneStopBefore);

            await Eventually.WaitUntilAsync(() => instances.All(i => i.SpoolSegments == 0), "every spool written", TimeSpan.FromSeconds(60));
            // One health record per run, stamped with its start: counted by InfluxDB.
            Assert.Equal(expectedPolls, await CountAsync(database, "SELECT count(\"points\") FROM \"source_health\" WHERE \"source\" = 'eoffice'"));
            Assert.Equal(expectedPolls, await CountAsync(database, "SELECT count(\"points\") FROM \"source_health\" WHERE \"source\" = 'onestop'"));
            await AssertEverythingOnceAsync(database);
        }
        finally
        {
            await Task.WhenAll(instances.Select(i => i.StopAsync()));
            instances.ForEach(i => i.Dispose());
        }
    }

    [Fact]
    public async Task InstanceKilledMidPoll_AnotherRunsThatPollAgain_NothingLostOrDuplicatedInInfluxDb()
    {
        string database = SimulatorAndInflux.NewDatabase();
        string connection = await postgres.Server.CreateDatabaseAsync(database);
        WriteConfig(TestSources.Json(env.Simulator.BaseUrl, "onestop").Replace("0 0 * * * ?", ClusterSchedule.Never, StringComparison.Ordinal));
        // Pages held 0.7 s each: the instance polling is killed while it polls, however loaded the machine.
        env.Simulator.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.Slow, delayMs: 700);

        var instances = StartInstances(database, connection, "a", "b");
        try
        {
            // The first declaration runs the new source once at once, on whichever instance acquires it.
            await Eventually.WaitUntilAsync(() => instances.Any(i => i.SpoolSegments >= 2 || i.HasExited), "a poll under way", TimeSpan.FromSeconds(90));
            Assert.All(instances, i => Assert.False(i.HasExited, i.Output));
            var victim = instances.First(i => i.SpoolSegments >= 2);
            var survivor = instances.Single(i => i != victim);
            await victim.KillAsync();
            var killed = Stopwatch.StartNew();
            env.Simulator.State.Faults.Clear();

            await Eventually.WaitUntilAsync(() => survivor.PollsLogged("onestop") == 1 || survivor.HasExited, "the killed poll run again by the other instance",
                TimeSpan.FromSeconds(90));
            output.WriteLine($"killed {victim.Name} with {victim.SpoolSegments} pages in its spool; {survivor.Name} finished the poll again {killed.Elapsed.TotalSeconds:0.0} s later");
            Assert.False(survivor.HasExited, survivor.Output);
            await Eventually.WaitUntilAsync(() => survivor.SpoolSegments == 0, "the survivor's spool written", TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.Equal(1, survivor.PollsLogged("onestop"));
            Assert.Equal(1, await CountAsync(database, "SELECT count(\"points\") FROM \"source_health\" WHERE \"source\" = 'onestop'"));
            var oneStop = Expected.OneStop(env.Simulator);
            var check = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "onestop"), env.Influx.Url.ToString(), database);
            await using (check)
            {
                Expected.Same(oneStop, await Expected.StoredAsync(check.Store, AllUnits, oneStop.Keys.Select(k => k.Kpi).Distinct().ToArray()));
            }

            check.DeleteFolder();
            Assert.Equal(oneStop.Keys.Count(k => k.Kpi == "on_time_rate"),
                await CountAsync(database, "SELECT count(\"numerator\") FROM \"observation\" WHERE \"kpi\" = 'on_time_rate'"));
        }
        finally
        {
            await Task.WhenAll(instances.Select(i => i.StopAsync()));
            instances.ForEach(i => i.Dispose());
        }
    }

    [Fact]
    public async Task AFiringMissedWhileEveryInstanceWasDown_RunsOnceWhenOneComesBack()
    {
        string database = SimulatorAndInflux.NewDatabase();
        string connection = await postgres.Server.CreateDatabaseAsync(database);
        var (cron, times) = ClusterSchedule.Firings(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(15), count: 1, spacing: 1);
        WriteConfig(TestSources.Json(env.Simulator.BaseUrl, "eoffice").Replace("0 0 * * * ?", cron, StringComparison.Ordinal));

        using (var first = CollectorProcess.Start("a", _root, Environment(database, connection)))
        {
            // The source's first declaration runs it once; then the cluster is down when it is due.
            await Eventually.WaitUntilAsync(() => first.PollsLogged("eoffice") == 1 || first.HasExited, "the first run", TimeSpan.FromSeconds(60));
            await first.StopAsync();
            Assert.True(DateTimeOffset.UtcNow < times[0], "stopped too late for the test: " + first.Output);
        }

        await Eventually.WaitUntilAsync(() => DateTimeOffset.UtcNow > times[0] + TimeSpan.FromSeconds(2), "the firing missed", TimeSpan.FromSeconds(60));
        using var second = CollectorProcess.Start("b", _root, Environment(database, connection));
        try
        {
            await Eventually.WaitUntilAsync(() => second.PollsLogged("eoffice") >= 1 || second.HasExited, "the catch-up run", TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(4));

            Assert.Equal(1, second.PollsLogged("eoffice"));
            Assert.Equal(2, await CountAsync(database, "SELECT count(\"points\") FROM \"source_health\" WHERE \"source\" = 'eoffice'"));
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task UnreachableDatabase_StopsWithExitCode2_NamingTheSettingAndTheHost_NeverThePassword()
    {
        WriteConfig(TestSources.Json(env.Simulator.BaseUrl, "eoffice"));
        int port = LoopbackPort.Free();
        const string password = "mat-khau-rat-bi-mat";
        var settings = Environment("unused", $"Host=127.0.0.1;Port={port};Username=kpi;Password={password};Database=kpi;Timeout=3");
        using var instance = CollectorProcess.Start("unreachable", _root, settings);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await instance.WaitForExitAsync(patience.Token);

        Assert.Equal(2, instance.ExitCode);
        Assert.Contains("Collector:Cluster:ConnectionString", instance.Output, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", instance.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, instance.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        env.Simulator.State.Faults.Clear();
        Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string?> Environment(string database, string connection) => new()
    {
        ["Storage__Influx__Url"] = env.Influx.Url.ToString(),
        ["Storage__Influx__Database"] = database,
        ["Collector__MaxDrainDelay"] = "00:00:01",
        ["Collector__Cluster__ConnectionString"] = connection,
        ["Collector__Cluster__CheckinInterval"] = "00:00:01",
        ["Collector__Cluster__CheckinMisfireThreshold"] = "00:00:02",
    };

    private List<CollectorProcess> StartInstances(string database, string connection, params string[] names) =>
        names.Select(n => CollectorProcess.Start(n, _root, Environment(database, connection))).ToList();

    private void WriteConfig(string sourcesJson)
    {
        CollectorHarness.CopyConfig(Path.Combine(_root, "config"));
        File.WriteAllText(Path.Combine(_root, "config", "sources.json"), sourcesJson);
    }

    /// <summary>Source requests one poll of each source makes, measured with the collector's own services on a scratch store.</summary>
    private async Task<(long EOffice, long OneStop)> RequestsPerPollAsync()
    {
        long eoffice = env.Simulator.State.Stats.Requests(SimEndpoints.EOffice);
        long oneStop = env.Simulator.State.Stats.Requests(SimEndpoints.OneStopStats);
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"));
        await using (harness)
        {
            var (code, text) = await harness.RunOnceAsync();
            Assert.True(code == 0, text);
        }

        harness.DeleteFolder();
        return (env.Simulator.State.Stats.Requests(SimEndpoints.EOffice) - eoffice, env.Simulator.State.Stats.Requests(SimEndpoints.OneStopStats) - oneStop);
    }

    private async Task AssertEverythingOnceAsync(string database)
    {
        var check = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"), env.Influx.Url.ToString(), database);
        await using (check)
        {
            Expected.Same(Expected.EOffice(env.Simulator),
                await Expected.StoredAsync(check.Store, AllUnits, "e_document_rate", "digital_signature_rate", "online_work_record_rate"));
            var oneStop = Expected.OneStop(env.Simulator);
            Expected.Same(oneStop, await Expected.StoredAsync(check.Store, AllUnits, oneStop.Keys.Select(k => k.Kpi).Distinct().ToArray()));
        }

        check.DeleteFolder();
        Assert.Equal(Expected.EOffice(env.Simulator).Keys.Count(k => k.Kpi == "e_document_rate"),
            await CountAsync(database, "SELECT count(\"numerator\") FROM \"observation\" WHERE \"kpi\" = 'e_document_rate'"));
    }

    private async Task<long> CountAsync(string database, string query)
    {
        using var http = new HttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(env.Influx.Url, $"/query?db={database}&q={Uri.EscapeDataString(query)}")));
        var result = doc.RootElement.GetProperty("results")[0];
        return result.TryGetProperty("series", out var series) ? series[0].GetProperty("values")[0][1].GetInt64() : 0;
    }
}
