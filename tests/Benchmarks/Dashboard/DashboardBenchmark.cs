using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using KpiMonitor.Benchmarks.Storage;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// The dashboard at national scale: 26 KPIs × 5,000 units × 24 months in a private influxd, the dashboard's
/// Release build as its own process, and simulated people signed in like browsers: first the overview, then
/// KPI pages with their trend charts. Prints latency percentiles, errors, the dashboard's memory and, beside
/// them, the time of the raw InfluxQL reads behind the pages.
/// </summary>
public static class DashboardBenchmark
{
    public const string Database = "kpimonitor";
    public const string Username = "thu-tai";
    private const string Goal = "goal: overview p95 < 200 ms, KPI page (with chart) p95 < 300 ms, zero errors";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Starting, and the first reading of the rollups at national scale, can take minutes before the cache exists.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = DashboardBenchmarkSettings.Parse(args);
        var ct = CancellationToken.None;
        string dll = settings.DashboardDll ?? DashboardProcess.Dll();
        Console.WriteLine($"Dashboard: {dll}");
        await using var server = settings.InfluxUrl is null ? await InfluxdServer.StartAsync(ct) : null;
        var influx = settings.InfluxUrl ?? server!.Url;
        string kind = server is null ? "có sẵn / existing" : "riêng / private, pid " + server.ProcessId?.ToString(Invariant);
        Console.WriteLine($"influxd {influx} ({kind}), database {Database}");
        string root = Directory.CreateTempSubdirectory("kpimonitor-bench-dashboard-").FullName;
        try
        {
            string config = Path.Combine(root, "config");
            NationalConfig.Write(config);
            // The dashboard would refuse to start on a bad file; finding out here gives the clearer message.
            var catalog = CatalogLoader.Load(config);
            int sources = SourceLoader.Load(new SourceLoadContext(catalog, config)).Count;
            Console.WriteLine(string.Create(Invariant,
                $"Danh mục / catalogue: {catalog.Kpis.All.Count} KPIs, {catalog.Units.Units.Count:N0} units, {catalog.Targets.All.Count()} targets, {sources} sources ({config})"));

            var thisMonth = PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month);
            using var influxHttp = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            if (settings.SkipLoad)
            {
                Console.WriteLine("Bỏ qua nạp dữ liệu / skipping the load (--skip-load)");
            }
            else
            {
                await NationalHistory.LoadAsync(influxHttp, influx, Database, catalog, thisMonth, ct);
                var settled = await CpuMeter.WaitForIdleAsync(server?.ProcessId);
                Console.WriteLine(string.Create(Invariant, $"  influxd nghỉ sau / settled after {settled.TotalSeconds:0.0} s"));
            }

            string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var clock = Stopwatch.StartNew();
            await using var dashboard = await DashboardProcess.StartAsync(
                dll, root, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), DashboardEnvironment(influx, root, password, settings.Clients), StartTimeout, cancellationToken: ct);
            Console.WriteLine(string.Create(Invariant, $"Dashboard {dashboard.Url} sẵn sàng / ready in {clock.Elapsed.TotalSeconds:0.0} s (pid {dashboard.ProcessId})"));
            try
            {
                return await MeasureAsync(settings, catalog, dashboard, server?.ProcessId, new RawQueryTimer(influxHttp, influx, Database, catalog), thisMonth, password, ct);
            }
            catch
            {
                Console.WriteLine($"Đầu ra của dashboard / dashboard output:\n{dashboard.Output}");
                throw;
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(DashboardBenchmarkSettings settings, Catalog catalog, DashboardProcess dashboard, int? influxPid,
        RawQueryTimer raw, DateOnly thisMonth, string password, CancellationToken ct)
    {
        var kpis = catalog.Kpis.All.Select(k => k.Code).ToList();
        var clients = new List<HttpClient> { BrowserClient.Create(dashboard.Url) };
        try
        {
            await BrowserClient.LoginAsync(clients[0], Username, password, ct);
            var (duringMs, duringStatus) = await BrowserClient.TimedStatusAsync(clients[0], "/", ct);
            var ready = Stopwatch.StartNew();
            // The first reading of every KPI's rollups: minutes at worst on a slow store.
            await dashboard.WaitForAsync("/health/ready", StartTimeout, cancellationToken: ct);
            Console.WriteLine(string.Create(Invariant,
                $"first reading of the rollups: overview during it answered {(int)duringStatus} in {LoadResult.Ms(duringMs)} ms; /health/ready {ready.Elapsed.TotalSeconds + (duringMs / 1000):0.0} s after /health"));
            var (overviewMs, overviewHtml) = await BrowserClient.TimedGetAsync(clients[0], "/", ct);
            var (pageMs, pageHtml) = await BrowserClient.TimedGetAsync(clients[0], $"/chi-tieu/{kpis[0]}", ct);
            var (chartMs, _) = await BrowserClient.TimedGetAsync(clients[0], BrowserClient.ChartPath(pageHtml, kpis[0]), ct);
            Console.WriteLine(string.Create(Invariant,
                $"first requests once ready (not part of the goal): overview ms {LoadResult.Ms(overviewMs)} ({overviewHtml.Length / 1024.0:0} KB HTML), KPI page {kpis[0]} ms {LoadResult.Ms(pageMs)}, its chart ms {LoadResult.Ms(chartMs)}"));

            var warm = Stopwatch.StartNew();
            foreach (string kpi in kpis)
            {
                var (_, html) = await BrowserClient.TimedGetAsync(clients[0], $"/chi-tieu/{kpi}", ct);
                await BrowserClient.TimedGetAsync(clients[0], BrowserClient.ChartPath(html, kpi), ct);
            }

            Console.WriteLine(string.Create(Invariant, $"Làm nóng / warm-up: {kpis.Count} KPI pages with their charts in {warm.Elapsed.TotalSeconds:0.0} s"));
            for (int i = 1; i < settings.Clients; i++)
            {
                clients.Add(BrowserClient.Create(dashboard.Url));
                await BrowserClient.LoginAsync(clients[i], Username, password, ct);
            }

            var duration = TimeSpan.FromSeconds(settings.Seconds);
            Console.WriteLine($"Giai đoạn A / phase A: tổng quan / overview \"/\" (tỉnh / province, {thisMonth:yyyy-MM}), {settings.Clients} clients, {settings.Seconds} s");
            var cpu = Cpu(dashboard, influxPid);
            var overview = await LoadRun.RunAsync(clients, duration, (run, client, token) => run.GetAsync(client, "/", "overview", token), ct);
            Report(overview, dashboard, influxPid, cpu);
            Console.WriteLine(await raw.OverviewAsync(kpis, thisMonth, ct));

            Console.WriteLine($"Giai đoạn B / phase B: trang chỉ tiêu và biểu đồ / KPI page + its trend chart, {kpis.Count} KPIs in rotation, {settings.Clients} clients, {settings.Seconds} s");
            int next = -1;
            cpu = Cpu(dashboard, influxPid);
            var kpiPage = await LoadRun.RunAsync(clients, duration, async (run, client, token) =>
            {
                string kpi = kpis[(Interlocked.Increment(ref next) & int.MaxValue) % kpis.Count];
                string html = await run.GetAsync(client, $"/chi-tieu/{kpi}", "page", token);
                await run.GetAsync(client, BrowserClient.ChartPath(html, kpi), "chart", token);
            }, ct);
            Report(kpiPage, dashboard, influxPid, cpu);
            Console.WriteLine(await DrawingCostAsync(clients[0], catalog, kpis[0], thisMonth, ct));
            Console.WriteLine(await raw.KpiAsync(kpis[0], thisMonth, 12, ct));
            Console.WriteLine(await raw.KpiAsync(kpis[0], thisMonth, 24, ct));

            int errors = overview.Errors.Count + kpiPage.Errors.Count;
            if (errors > 0)
            {
                // Log lines only: the stack traces under them would hide the messages.
                var log = dashboard.Output.Split('\n').Where(l => l.StartsWith('[')).TakeLast(10);
                Console.WriteLine($"Nhật ký dashboard / dashboard log (last warnings):\n{string.Join('\n', log)}");
            }

            Console.WriteLine($"errors: {errors}");
            Console.WriteLine($"KPI page (with chart) p95 ms: {LoadResult.Ms(kpiPage.P95)}");
            Console.WriteLine(Goal);
            Console.WriteLine($"overview p95 ms: {LoadResult.Ms(overview.P95)}");
            // Missing the goal is a finding to report; an error is a broken dashboard.
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    // Phase B asks for the province's 26 charts over and over, so after the first round they come from the chart
    // cache. A chart nobody has opened since its figures changed is drawn on request: its cost, one at a time.
    private static async Task<string> DrawingCostAsync(HttpClient client, Catalog catalog, string kpi, DateOnly thisMonth, CancellationToken ct)
    {
        var snapshot = catalog.Units.AsOf(thisMonth);
        var units = snapshot.ChildrenOf(catalog.Units.TopOn(thisMonth)!).Take(20).ToList();
        var times = new List<double>();
        foreach (var unit in units)
        {
            var (ms, _) = await BrowserClient.TimedGetAsync(client, $"/bieu-do/xu-huong/{kpi}.png?unit={Uri.EscapeDataString(unit.Code)}&months=24&size=wide", ct);
            times.Add(ms);
        }

        times.Sort();
        return string.Create(Invariant,
            $"  chart not in the cache (drawn on request), {units.Count} units one after another: p50 ms {LoadResult.Ms(times[times.Count / 2])}, max ms {LoadResult.Ms(times[^1])}");
    }

    private static void Report(LoadResult result, DashboardProcess dashboard, int? influxPid, (TimeSpan Dashboard, TimeSpan Clients, TimeSpan Influx) before)
    {
        var after = Cpu(dashboard, influxPid);
        foreach (string line in result.Lines())
        {
            Console.WriteLine(line);
        }

        var (rss, peak) = dashboard.Memory();
        Console.WriteLine(string.Create(Invariant, $"  dashboard VmRSS MB {rss / 1e6:0}, VmHWM MB {peak / 1e6:0}"));
        string influx = influxPid is null ? "?" : (after.Influx - before.Influx).TotalSeconds.ToString("0.0", Invariant);
        Console.WriteLine(string.Create(Invariant,
            $"  CPU s: dashboard {(after.Dashboard - before.Dashboard).TotalSeconds:0.0}, benchmark clients {(after.Clients - before.Clients).TotalSeconds:0.0}, influxd {influx} (of {result.Elapsed.TotalSeconds * Environment.ProcessorCount:0} core-seconds)"));
    }

    private static (TimeSpan Dashboard, TimeSpan Clients, TimeSpan Influx) Cpu(DashboardProcess dashboard, int? influxPid) =>
        (ProcessCpu.Of(dashboard.ProcessId), Process.GetCurrentProcess().TotalProcessorTime, ProcessCpu.Of(influxPid));

    /// <summary>The dashboard's settings for a load test: this store and catalogue, no demo, one viewer account for every client.</summary>
    public static Dictionary<string, string> DashboardEnvironment(Uri influx, string root, string password, int clients) => new(StringComparer.Ordinal)
    {
        ["Storage__Influx__Url"] = influx.ToString(),
        ["Storage__Influx__Database"] = Database,
        ["Demo__Enabled"] = "false",
        ["Catalog__Directory"] = Path.Combine(root, "config"),
        ["Collector__StateDirectory"] = Path.Combine(root, "state"),
        ["Manual__AuditFile"] = Path.Combine(root, "audit", "nhap-tay.jsonl"),
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["Auth__Users__0__Username"] = Username,
        ["Auth__Users__0__DisplayName"] = "Người thử tải",
        ["Auth__Users__0__Role"] = "viewer",
        ["Auth__Users__0__PasswordHash"] = new PasswordHasher<object>().HashPassword(new object(), password),
        // Every simulated person signs in with this one account; the default 10 a minute would turn half of them away.
        ["Auth__LoginAttemptsPerMinute"] = (clients + 10).ToString(Invariant),
        ["Auth__LoginAttemptsPerMinutePerAddress"] = Math.Max(200, clients + 10).ToString(Invariant), // all from 127.0.0.1
    };
}
