using System.Globalization;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Alerts.Tests.Delivery;
using KpiMonitor.Benchmarks.Dashboard;
using KpiMonitor.Benchmarks.Storage;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Benchmarks.Alerts;

/// <summary>
/// Alerting at national scale (issue #11): the dashboard benchmark's 26 KPIs × 5,000 units × 24 months in a private influxd,
/// one rule per KPI over every unit (130,000 instances), evaluated as the alerting service does (evaluator, lifecycle,
/// events appended to the store, digests, delivery through the outbox to a real SMTP server on loopback). Then every
/// unit's online-dossier rate of this month drops below its target at once: 40 recipients must get one mail each.
/// Prints each evaluation's stages, the mails counted at the SMTP server, the delivery time, the peak RSS of the alerting
/// work and, last, the slowest evaluation after the first.
/// </summary>
public static class AlertsBenchmark
{
    private const string Database = "kpimonitor";
    private const int QuietEvaluations = 3;
    private const string Goal = "goal: < 1,000 ms per evaluation, peak RSS < 300 MB, one mail per recipient";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!AlertingProcessSettings.Applied)
        {
            return await AlertingProcessSettings.RunAgainAsync();
        }

        var settings = HistoryBenchmarkSettings.Parse(args);
        var ct = CancellationToken.None;
        await using var server = settings.InfluxUrl is null ? await InfluxdServer.StartAsync(ct) : null;
        var influx = settings.InfluxUrl ?? server!.Url;
        using var smtp = await SmtpServer.StartAsync();
        string root = Directory.CreateTempSubdirectory("kpimonitor-bench-alerts-").FullName;
        try
        {
            string configDir = Path.Combine(root, "config");
            NationalConfig.Write(configDir);
            AlertsBenchmarkConfig.WriteLenientTargets(configDir, CatalogLoader.Load(configDir));
            var catalog = CatalogLoader.Load(configDir);
            var sources = SourceLoader.Load(new SourceLoadContext(catalog, configDir)).Select(s => s.Code).ToList();
            AlertsBenchmarkConfig.Write(configDir, catalog, smtp.Port);
            var config = AlertConfigLoader.Load(Path.Combine(configDir, AlertConfigLoader.AlertsFile), catalog, sources);
            var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
            int instances = config.Rules.Sum(r => RuleInstances.Of(r, catalog, today, sources).Count());
            Console.WriteLine($"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {AlertingProcessSettings.ConserveMemoryVariable}={Environment.GetEnvironmentVariable(AlertingProcessSettings.ConserveMemoryVariable)}");
            Console.WriteLine(string.Create(Invariant,
                $"influxd {influx}, aiosmtpd 127.0.0.1:{smtp.Port}; {config.Rules.Count} rules, {instances:N0} instances, {catalog.Units.Units.Count:N0} units, {AlertsBenchmarkConfig.Recipients} mail recipients"));

            var thisMonth = PeriodBucket.Floor(today, PeriodGranularity.Month);
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

            using var storeHttp = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var store = Store(storeHttp, influx, Database, catalog);
            // The alert events and the outbox of this run only, so a run over an earlier run's history (--skip-load) starts clean.
            string eventsDb = "alerts_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", Invariant);
            await RawInflux.QueryAsync(influxHttp, influx, null, $"CREATE DATABASE {InfluxQl.Identifier(eventsDb)}");
            var eventStore = Store(storeHttp, influx, eventsDb, catalog);
            // Every unit's rate of this month healthy again (an earlier run left it breaching), before the clock starts.
            await WriteRatesAsync(store, catalog, thisMonth, 0.9, ct);

            await using var services = DeliveryServices(config, catalog, eventStore);
            var run = new AlertsRun(
                AlertEvaluator.Create(config, catalog, store, store, sources, TimeProvider.System),
                store,
                new AlertBook(TimeProvider.System, config.QuietHours),
                new AlertEventLog(eventStore),
                new RecipientDirectory(config, catalog.Units),
                services.GetRequiredService<IAlertNotifier>(),
                smtp);

            // Give back what loading the history took, so the peak below is the alerting work's.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            bool reset = PeakMemory.TryReset();
            long floor = PeakMemory.Read().Rss;
            Console.WriteLine("Đánh giá / evaluations (evaluate = judge every instance; lifecycle = the book's transitions):");
            await run.EvaluateAsync("cold (first after start)", ct);
            for (int i = 1; i <= QuietEvaluations; i++)
            {
                await run.EvaluateAsync(string.Create(Invariant, $"warm {i}"), ct);
            }

            Console.WriteLine(string.Create(Invariant, $"Vi phạm / breach: {catalog.Units.Units.Count:N0} units' {AlertsBenchmarkConfig.BreachingKpi} of {thisMonth:yyyy-MM} written at 30 %"));
            await WriteRatesAsync(store, catalog, thisMonth, 0.3, ct);
            await run.EvaluateAsync("after the write (pending)", ct);
            var fired = await run.EvaluateAsync("firing, 5,000 units", ct);
            await run.EvaluateAsync("warm after", ct);

            var (rss, peak) = PeakMemory.Read();
            var warm = run.Evaluations.Skip(1).Max();
            Console.WriteLine(string.Create(Invariant, $"evaluation ms, cold: {run.Evaluations[0]:0}; after it: {string.Join(", ", run.Evaluations.Skip(1).Select(ms => ms.ToString("0", Invariant)))}"));
            Console.WriteLine(string.Create(Invariant,
                $"messages sent (breach round): {fired.Mails} to {fired.Addresses} addresses, {fired.Digests} digests of {fired.Items:N0} items, for {AlertsBenchmarkConfig.Recipients} recipients"));
            Console.WriteLine(string.Create(Invariant, $"delivery ms (breach round): {fired.DeliveryMs:0}"));
            Console.WriteLine(string.Create(Invariant,
                $"peak RSS MB (VmHWM{(reset ? ", alerting only" : ", including the load")}): {peak / 1e6:0}; VmRSS before the first evaluation {floor / 1e6:0}, now {rss / 1e6:0}"));
            Console.WriteLine(string.Create(Invariant,
                $"  managed heap live after a full collection MB {GC.GetTotalMemory(forceFullCollection: true) / 1e6:0}; collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
            Console.WriteLine(Goal);
            Console.WriteLine(string.Create(Invariant, $"evaluation ms: {warm:0}"));
            return fired.Mails == AlertsBenchmarkConfig.Recipients && fired.Addresses == AlertsBenchmarkConfig.Recipients ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static InfluxTimeSeriesStore Store(HttpClient http, Uri influx, string database, Catalog catalog) =>
        new(http, Options.Create(new InfluxOptions { Url = influx.ToString(), Database = database, Timeout = TimeSpan.FromMinutes(2) }),
            catalog, TimeProvider.System, new CapturingLogger<InfluxTimeSeriesStore>());

    private static async Task WriteRatesAsync(InfluxTimeSeriesStore store, Catalog catalog, DateOnly month, double rate, CancellationToken ct)
    {
        var start = VietnamTime.StartOf(month);
        var figures = catalog.Units.Units
            .Select(u => Observation.Ratio(AlertsBenchmarkConfig.BreachingKpi, u.Code, start, Math.Round(1000 * rate), 1000, "onestop"))
            .ToList();
        var result = await store.WriteAsync(figures, ct);
        if (!result.IsComplete)
        {
            throw new InvalidOperationException($"The store kept {result.Written} of {figures.Count} figures: {result.ServerMessage}");
        }
    }

    private static ServiceProvider DeliveryServices(AlertConfig config, Catalog catalog, IEventLog outbox) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddSingleton(config)
        .AddSingleton(catalog)
        .AddSingleton(outbox)
        .AddSingleton(TimeProvider.System)
        .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
        .AddAlertDelivery()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
}
