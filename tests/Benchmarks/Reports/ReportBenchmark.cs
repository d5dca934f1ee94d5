using System.Diagnostics;
using System.Globalization;
using KpiMonitor.Alerts.History;
using KpiMonitor.Benchmarks.Alerts;
using KpiMonitor.Benchmarks.Dashboard;
using KpiMonitor.Benchmarks.Storage;
using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Docx;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Pdf;
using KpiMonitor.Reports.Xlsx;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Benchmarks.Reports;

/// <summary>
/// The monthly leadership report of a province (issue #12): 150 units × 26 KPIs × 24 months of history in a private influxd,
/// the report of the last complete month built as a host builds it (<c>AddReports</c>, the Influx store, no rollup cache),
/// with the month's alerts read from the store's alert log as a host with alerting does, then laid out and written as PDF, DOCX and XLSX. Twice: the first run is a scheduled job's (a fresh process); the
/// second shows what a warm process adds. Prints each stage, the sizes and the peak RSS of the report work; last, the
/// first run's seconds.
/// </summary>
public static class ReportBenchmark
{
    private const string Database = "kpimonitor";
    private const string Goal = "goal: < 10 s for the province report, peak RSS < 400 MB";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = HistoryBenchmarkSettings.Parse(args);
        var ct = CancellationToken.None;
        await using var server = settings.InfluxUrl is null ? await InfluxdServer.StartAsync(ct) : null;
        var influx = settings.InfluxUrl ?? server!.Url;
        string root = Directory.CreateTempSubdirectory("kpimonitor-bench-report-").FullName;
        try
        {
            string configDir = Path.Combine(root, "config");
            ProvinceConfig.Write(configDir);
            var catalog = CatalogLoader.Load(configDir);
            var sources = SourceLoader.Load(new SourceLoadContext(catalog, configDir));
            var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
            var thisMonth = PeriodBucket.Floor(today, PeriodGranularity.Month);
            var month = thisMonth.AddMonths(-1);
            Console.WriteLine(string.Create(Invariant,
                $"influxd {influx}; {catalog.Units.Units.Count} units, {catalog.Kpis.All.Count} KPIs; report of {NationalConfig.Province} for {month:yyyy-MM}"));

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

            await using var services = Services(catalog, sources, influx);
            var builder = services.GetRequiredService<ReportBuilder>();

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            bool reset = PeakMemory.TryReset();
            long floor = PeakMemory.Read().Rss;
            double first = await RunOnceAsync("cold (first in the process)", builder, month, ct);
            await RunOnceAsync("warm (second)", builder, month, ct);

            var (rss, peak) = PeakMemory.Read();
            Console.WriteLine(string.Create(Invariant,
                $"peak RSS MB (VmHWM{(reset ? ", report work only" : ", including the load")}): {peak / 1e6:0}; VmRSS before the first report {floor / 1e6:0}, now {rss / 1e6:0}"));
            Console.WriteLine(Goal);
            Console.WriteLine(string.Create(Invariant, $"report seconds: {first:0.00}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<double> RunOnceAsync(string label, ReportBuilder builder, DateOnly month, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = await builder.BuildAsync(NationalConfig.Province, month, ct);
        double contentMs = Lap(clock);
        var generatedAt = DateTimeOffset.UtcNow;
        var document = ReportOutline.Build(report, generatedAt);
        double outlineMs = Lap(clock);
        byte[] pdf = PdfReportWriter.Write(document, generatedAt, ct);
        double pdfMs = Lap(clock);
        byte[] docx = DocxReportWriter.Write(document, ct);
        double docxMs = Lap(clock);
        byte[] xlsx = XlsxReportWriter.Write(report);
        double xlsxMs = Lap(clock);
        double total = contentMs + outlineMs + pdfMs + docxMs + xlsxMs;
        Console.WriteLine(string.Create(Invariant,
            $"  {label}: {total:0} ms = content {contentMs:0} + outline {outlineMs:0} + PDF {pdfMs:0} ({pdf.Length / 1024:N0} KB) + DOCX {docxMs:0} ({docx.Length / 1024:N0} KB) + XLSX {xlsxMs:0} ({xlsx.Length / 1024:N0} KB); " +
            $"{report.Children.Count} units below, {report.Kpis.Count} KPIs, {report.Summary.Count} summary sentences, {report.Alerts?.Fired.ToString(Invariant) ?? "no"} alerts fired; managed heap {GC.GetTotalMemory(false) / 1e6:0} MB"));
        return total / 1000;
    }

    private static ServiceProvider Services(Catalog catalog, IReadOnlyList<SourceDefinition> sources, Uri influx)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:Place"] = "Bình An" }).Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(catalog)
            .AddSingleton(new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
            .AddSingleton(sp => new InfluxTimeSeriesStore(sp.GetRequiredService<HttpClient>(),
                Options.Create(new InfluxOptions { Url = influx.ToString(), Database = Database, Timeout = TimeSpan.FromMinutes(2) }),
                catalog, TimeProvider.System, new CapturingLogger<InfluxTimeSeriesStore>()))
            .AddSingleton<ITimeSeriesStore>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>())
            .AddSingleton<ISourceHealthStore>(sp => sp.GetRequiredService<InfluxTimeSeriesStore>())
            // As in a host with alerting: the summary counts the month's alerts from the store's alert events.
            .AddSingleton(sp => new AlertEventLog(sp.GetRequiredService<InfluxTimeSeriesStore>()));
        services.AddReports(_ => sources);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static double Lap(Stopwatch clock)
    {
        double ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }
}
