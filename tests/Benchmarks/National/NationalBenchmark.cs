using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KpiMonitor.Benchmarks.Collector;
using KpiMonitor.Benchmarks.Dashboard;
using KpiMonitor.Benchmarks.Storage;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.SourceSimulator;
using KpiMonitor.Testing;

namespace KpiMonitor.Benchmarks.National;

/// <summary>
/// The nation (<see cref="NationalCatalogue"/>): two years of history for every KPI and unit in a private influxd, one
/// collection cycle of every source the simulator serves, then the dashboard's Release build started twice on that
/// store, first with an empty state folder and then again on the state the first left (a restart), each timed from
/// launching the process to the first overview served to a signed-in user; then the overview and the KPI pages under
/// concurrent users, and the peak memory of the collector and the dashboard.
/// </summary>
public static class NationalBenchmark
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private const string Goal = "goal: ready < 5 s, dashboard peak RSS < 300 MB, overview p95 < 200 ms, KPI page (with chart) p95 < 300 ms";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = DashboardBenchmarkSettings.Parse(args);
        var ct = CancellationToken.None;
        string dashboardDll = settings.DashboardDll ?? DashboardProcess.Dll();
        string collectorDll = CollectorBenchmark.CollectorDll();
        Console.WriteLine($"Dashboard: {dashboardDll}\nBộ thu thập / collector: {collectorDll}");
        await using var server = settings.InfluxUrl is null ? await InfluxdServer.StartAsync(ct) : null;
        var influx = settings.InfluxUrl ?? server!.Url;
        Console.WriteLine($"influxd {influx} ({(server is null ? "có sẵn / existing" : "riêng / private")}), database {DashboardBenchmark.Database}");
        string root = Directory.CreateTempSubdirectory("kpimonitor-bench-national-").FullName;
        try
        {
            string config = Path.Combine(root, "config");
            var units = NationalCatalogue.Units();
            NationalConfig.Write(config, units, NationalCatalogue.Levels);
            var catalog = CatalogLoader.Load(config);
            Console.WriteLine(string.Create(Invariant,
                $"Danh mục / catalogue: {NationalCatalogue.ProvinceCount} provinces, {units.Count(u => u.Level == "department"):N0} departments, {units.Count(u => u.Level == "commune"):N0} communes ({units.Count(u => u.NameVi.StartsWith("Phường", StringComparison.Ordinal))} phường, {units.Count(u => u.NameVi.StartsWith("Đặc khu", StringComparison.Ordinal))} đặc khu), {catalog.Units.Units.Count:N0} units, {catalog.Kpis.All.Count} KPIs"));

            var thisMonth = PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month);
            using var influxHttp = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            if (!settings.SkipLoad)
            {
                await NationalHistory.LoadAsync(influxHttp, influx, DashboardBenchmark.Database, catalog, thisMonth, ct);
                await CpuMeter.WaitForIdleAsync(server?.ProcessId);
            }

            var (cycleSeconds, collectorPeak) = await CollectAsync(root, catalog, collectorDll, influx, ct);
            // influxd folds the cycle's writes into its files for a few seconds: the dashboard is timed after that, not against it.
            var settled = await CpuMeter.WaitForIdleAsync(server?.ProcessId);
            Console.WriteLine(string.Create(Invariant, $"  influxd quiet for 3 s after {settled.TotalSeconds:0.0} s"));

            string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var environment = DashboardBenchmark.DashboardEnvironment(influx, root, password, settings.Clients);
            environment["Rollups__Cache__SnapshotFolder"] = Path.Combine(root, "state", "rollups");
            double cold, warm;
            long coldPeak;
            await using (var first = DashboardProcess.Launch(dashboardDll, root, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), environment))
            {
                cold = await ReadySecondsAsync(first, password, server?.ProcessId, ct);
                coldPeak = first.Memory().Peak;
                Console.WriteLine(string.Create(Invariant, $"first start (empty state folder): ready seconds {cold:0.0}, dashboard VmHWM MB {coldPeak / 1e6:0}"));
            }

            await using var dashboard = DashboardProcess.Launch(dashboardDll, root, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), environment);
            warm = await ReadySecondsAsync(dashboard, password, server?.ProcessId, ct);
            Console.WriteLine(string.Create(Invariant, $"restart (state folder of the first start): ready seconds {warm:0.0}, dashboard VmHWM MB {dashboard.Memory().Peak / 1e6:0}"));
            var (overview, kpiPage) = await LoadAsync(dashboard, catalog, password, settings, ct);
            var (rss, peak) = dashboard.Memory();
            int errors = overview.Errors.Count + kpiPage.Errors.Count;

            Console.WriteLine("Tóm tắt / summary:");
            Console.WriteLine(string.Create(Invariant, $"collection cycle seconds: {cycleSeconds:0.0}"));
            Console.WriteLine(string.Create(Invariant, $"collector peak RSS MB: {collectorPeak / 1e6:0}"));
            Console.WriteLine(string.Create(Invariant, $"dashboard first start ready seconds: {cold:0.0} (peak RSS MB {coldPeak / 1e6:0})"));
            Console.WriteLine(string.Create(Invariant, $"dashboard peak RSS MB: {Math.Max(peak, coldPeak) / 1e6:0} (after the load: VmRSS {rss / 1e6:0}, VmHWM {peak / 1e6:0})"));
            Console.WriteLine($"errors: {errors}");
            Console.WriteLine($"overview p95 ms: {LoadResult.Ms(overview.P95)}");
            Console.WriteLine($"KPI page (with chart) p95 ms: {LoadResult.Ms(kpiPage.P95)}");
            Console.WriteLine(Goal);
            // The slower of the two starts: a new replica or a lost state folder must be ready as soon as a restart.
            Console.WriteLine(string.Create(Invariant, $"dashboard ready seconds: {Math.Max(cold, warm):0.0}"));
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One <c>--once</c> cycle of every source of <c>sources.json</c> the simulator serves, into the same store.</summary>
    private static async Task<(double Seconds, long PeakRss)> CollectAsync(string root, Catalog catalog, string collectorDll, Uri influx, CancellationToken ct)
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Catalog = catalog }, ct);
        string sources = Path.Combine(root, "config", "sources.json");
        var document = JsonNode.Parse(File.ReadAllText(sources), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var list = document["sources"]!.AsArray();
        foreach (var source in list.ToList())
        {
            if (source!["baseUrl"]?.GetValue<string>() is { } url)
            {
                // The demo's sources point at the simulator's usual port; a vendor's real address is no part of a benchmark.
                if (new Uri(url).IsLoopback)
                {
                    source["baseUrl"] = simulator.BaseUrl.ToString();
                }
                else
                {
                    list.Remove(source);
                }
            }
        }

        File.WriteAllText(sources, document.ToJsonString());
        Console.WriteLine($"Thu thập / collection: {list.Count} sources, simulator {simulator.BaseUrl}, {catalog.Units.Units.Count:N0} units");
        var (seconds, peak, output, exit) = await CollectorBenchmark.RunCollectorAsync(collectorDll, root, influx, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage__Influx__Database"] = DashboardBenchmark.Database,
            ["KPIMONITOR_ANTIMALWARE_KEY"] = SimulatorOptions.DemoApiKey,
            ["KPIMONITOR_PORTAL_PASSWORD"] = SimulatorOptions.DemoBasicPassword,
        });
        Console.WriteLine(string.Join('\n', output.TrimEnd().Split('\n').TakeLast(20)));
        Console.WriteLine(string.Create(Invariant, $"  cycle {seconds:0.0} s (the collector process from start to exit), peak RSS MB {peak / 1e6:0}"));
        return exit == 0
            ? (seconds, peak)
            : throw new InvalidOperationException($"Bộ thu thập thoát với mã / the collector exited with {exit}");
    }

    /// <summary>
    /// Seconds from launching the process to the first overview a signed-in user is served (not the warming page), with
    /// the CPU the dashboard and a private influxd spent until then: on 2 cores a start is bound by their sum.
    /// </summary>
    private static async Task<double> ReadySecondsAsync(DashboardProcess dashboard, string password, int? influxPid, CancellationToken ct)
    {
        var influxBefore = ProcessCpu.Of(influxPid);
        var clock = Stopwatch.StartNew();
        await dashboard.WaitForAsync("/health", StartTimeout, cancellationToken: ct);
        double health = clock.Elapsed.TotalSeconds;
        using var client = BrowserClient.Create(dashboard.Url);
        await BrowserClient.LoginAsync(client, DashboardBenchmark.Username, password, ct);
        double signedIn = clock.Elapsed.TotalSeconds;
        while (clock.Elapsed < StartTimeout)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                double ready = clock.Elapsed.TotalSeconds;
                var (dashboardCpu, influxCpu) = (ProcessCpu.Of(dashboard.ProcessId), ProcessCpu.Of(influxPid) - influxBefore);
                // Then what a browser fetches next: the tiles' sparklines, six at a time; the months they draw may be read only now.
                var sparklines = BrowserClient.SparklinePaths(await response.Content.ReadAsStringAsync(ct));
                await Parallel.ForEachAsync(sparklines, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = ct }, async (path, token) =>
                {
                    using var image = await client.GetAsync(new Uri(path, UriKind.Relative), token);
                    image.EnsureSuccessStatusCode();
                });
                Console.WriteLine(string.Create(Invariant,
                    $"  /health 200 after {health:0.0} s, signed in after {signedIn:0.0} s, overview 200 after {ready:0.0} s (CPU s until then: dashboard {dashboardCpu.TotalSeconds:0.0}, influxd {(influxPid is null ? "?" : influxCpu.TotalSeconds.ToString("0.0", Invariant))}), its {sparklines.Count} sparklines after {clock.Elapsed.TotalSeconds:0.0} s (load average {LoadAverage()})"));
                return ready;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"Không có trang tổng quan sau / no overview after {StartTimeout}:\n{dashboard.Output}");
    }

    /// <summary>The machine's one-minute load average: figures taken on a busy machine say so.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>Phase A the overview, phase B the KPI pages with their charts, the clients signed in.</summary>
    private static async Task<(LoadResult Overview, LoadResult KpiPage)> LoadAsync(DashboardProcess dashboard, Catalog catalog, string password,
        DashboardBenchmarkSettings settings, CancellationToken ct)
    {
        var kpis = catalog.Kpis.All.Select(k => k.Code).ToList();
        var clients = new List<HttpClient>();
        try
        {
            for (int i = 0; i < settings.Clients; i++)
            {
                clients.Add(BrowserClient.Create(dashboard.Url));
                await BrowserClient.LoginAsync(clients[i], DashboardBenchmark.Username, password, ct);
            }

            // Every KPI page and chart once, so phase B measures pages, not the first drawing of each chart.
            foreach (string kpi in kpis)
            {
                var (_, html) = await BrowserClient.TimedGetAsync(clients[0], $"/chi-tieu/{kpi}", ct);
                await BrowserClient.TimedGetAsync(clients[0], BrowserClient.ChartPath(html, kpi), ct);
            }

            var duration = TimeSpan.FromSeconds(settings.Seconds);
            Console.WriteLine($"Giai đoạn A / phase A: tổng quan toàn quốc / national overview \"/\", {settings.Clients} clients, {settings.Seconds} s");
            var overview = await LoadRun.RunAsync(clients, duration, (run, client, token) => run.GetAsync(client, "/", "overview", token), ct);
            Print(overview, dashboard);
            Console.WriteLine($"Giai đoạn B / phase B: trang chỉ tiêu và biểu đồ / KPI page + chart, {kpis.Count} KPIs in rotation, {settings.Clients} clients, {settings.Seconds} s");
            int next = -1;
            var kpiPage = await LoadRun.RunAsync(clients, duration, async (run, client, token) =>
            {
                string kpi = kpis[(Interlocked.Increment(ref next) & int.MaxValue) % kpis.Count];
                string html = await run.GetAsync(client, $"/chi-tieu/{kpi}", "page", token);
                await run.GetAsync(client, BrowserClient.ChartPath(html, kpi), "chart", token);
            }, ct);
            Print(kpiPage, dashboard);
            return (overview, kpiPage);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static void Print(LoadResult result, DashboardProcess dashboard)
    {
        foreach (string line in result.Lines())
        {
            Console.WriteLine(line);
        }

        var (rss, peak) = dashboard.Memory();
        Console.WriteLine(string.Create(Invariant, $"  dashboard VmRSS MB {rss / 1e6:0}, VmHWM MB {peak / 1e6:0}"));
    }
}
