using System.Diagnostics;
using System.Globalization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>
/// Store against raw HTTP on the same influxd: 1,000,000 observations written through
/// <see cref="InfluxTimeSeriesStore"/> (database A) and as pre-built line protocol POSTs (database B),
/// interleaved day by day so background compaction burdens both alike; then "latest value per unit"
/// for 5,000 units through the store and as the same InfluxQL sent raw.
/// </summary>
public static class StorageBenchmark
{
    private const int RawBatchSize = 5000;
    private const int QueryRuns = 5;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = StorageBenchmarkSettings.Parse(args);
        await using var server = settings.InfluxUrl is null ? await StartServerAsync() : null;
        var url = settings.InfluxUrl ?? server!.Url;
        string run = DateTime.UtcNow.ToString("HHmmss", Invariant);
        string storeDb = $"bench_store_{run}", rawDb = $"bench_raw_{run}", warmDb = $"bench_warm_{run}";

        var catalog = BenchmarkData.CreateCatalog();
        var defaults = new InfluxOptions();
        InfluxOptions Settings(string db, bool gzip) => new()
        {
            Url = url.ToString(),
            Database = db,
            Gzip = gzip,
            MaxConcurrentBatches = settings.Concurrency ?? defaults.MaxConcurrentBatches,
            BatchSize = settings.BatchSize ?? defaults.BatchSize,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var options = Settings(storeDb, settings.Gzip ?? defaults.Gzip);
        using var storeHttp = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(5) };
        using var rawHttp = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(5) };
        var log = new CapturingLogger<InfluxTimeSeriesStore>();
        var store = new InfluxTimeSeriesStore(storeHttp, Options.Create(options), catalog, TimeProvider.System, log);

        Console.WriteLine($"Chuẩn bị dữ liệu / preparing {settings.Days} days × {BenchmarkData.KpiCount} KPIs × {BenchmarkData.UnitCount:N0} units …");
        long receivedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var days = Enumerable.Range(0, settings.Days).Select(d => BenchmarkData.Day(catalog, d)).ToArray();
        var raw = days.Select(d => BenchmarkData.RawBatches(catalog, d, RawBatchSize, receivedMs)).ToArray();
        int total = days.Sum(d => d.Length);
        long rawBytes = raw.Sum(d => d.Sum(b => (long)b.Length));
        Console.WriteLine($"  {total:N0} observations, raw line protocol {rawBytes / 1e6:N1} MB in {raw.Sum(d => d.Count)} bodies");

        foreach (string db in (string[])[storeDb, rawDb, warmDb])
        {
            await RawInflux.QueryAsync(rawHttp, url, null, $"CREATE DATABASE {InfluxQl.Identifier(db)}");
        }

        Console.WriteLine("Khởi động / warming up …");
        var warmStore = new InfluxTimeSeriesStore(storeHttp, Options.Create(Settings(warmDb, options.Gzip)), catalog, TimeProvider.System, log);
        await warmStore.WriteAsync(days[0].AsSpan(0, 20_000).ToArray(), CancellationToken.None);
        foreach (var body in raw[0].Take(4))
        {
            await RawInflux.PostAsync(rawHttp, url, warmDb, body);
        }

        if (!settings.Cold)
        {
            // Creating 130,000 series costs influxd several times more than later points, and whichever side
            // goes second pays more for it (a bigger Go heap to collect); that made day 1 decide the ratio.
            // A collector writes into existing series almost always, so the measured days do too.
            Console.WriteLine("  tạo sẵn chuỗi / creating the series in both databases with day −1 (not timed) …");
            var primer = BenchmarkData.RawBatches(catalog, BenchmarkData.Day(catalog, -1), RawBatchSize, receivedMs);
            foreach (string db in (string[])[storeDb, rawDb])
            {
                await RawInflux.PostAllAsync(rawHttp, url, db, primer);
            }

            // The store's own source_activity series, one per unit.
            await store.WriteAsync(BenchmarkData.Day(catalog, -1).Take(BenchmarkData.UnitCount).ToArray(), CancellationToken.None);
        }

        foreach (bool gzip in (bool[])[true, false])
        {
            Console.WriteLine(await MeasureStoreAloneAsync(catalog, days, Settings("nowhere", gzip), log));
        }

        Console.WriteLine($"Ghi / writing (store: gzip {(options.Gzip ? "on" : "off")}, {options.MaxConcurrentBatches} concurrent batches of {options.BatchSize:N0}; raw: sequential POSTs of {RawBatchSize:N0}, no gzip)");
        var storeTime = TimeSpan.Zero;
        var rawTime = TimeSpan.Zero;
        var storeCpu = new CpuMeter(server?.ProcessId);
        var rawCpu = new CpuMeter(server?.ProcessId);
        int written = 0;
        for (int d = 0; d < days.Length; d++)
        {
            // Alternate who goes first as well, for what settling cannot remove.
            TimeSpan s, r;
            if ((d % 2 == 0) != settings.StoreFirst)
            {
                await SettleAsync(server);
                r = await rawCpu.MeasureAsync(() => TimeAsync(() => RawInflux.PostAllAsync(rawHttp, url, rawDb, raw[d])));
                await SettleAsync(server);
                (s, written) = await storeCpu.MeasureAsync(() => TimeStoreAsync(store, days[d], written));
            }
            else
            {
                await SettleAsync(server);
                (s, written) = await storeCpu.MeasureAsync(() => TimeStoreAsync(store, days[d], written));
                await SettleAsync(server);
                r = await rawCpu.MeasureAsync(() => TimeAsync(() => RawInflux.PostAllAsync(rawHttp, url, rawDb, raw[d])));
            }

            storeTime += s;
            rawTime += r;
            Console.WriteLine(string.Create(Invariant,
                $"  ngày/day {d + 1}/{days.Length}: store {days[d].Length:N0} in {s.TotalSeconds:0.00} s, raw {days[d].Length:N0} in {r.TotalSeconds:0.00} s"));
        }

        if (written != total)
        {
            throw new InvalidOperationException($"Store reported {written:N0} written of {total:N0}.");
        }

        double storeRate = total / storeTime.TotalSeconds;
        double rawRate = total / rawTime.TotalSeconds;

        Console.WriteLine("Đọc / querying latest value per unit of one KPI (all units) …");
        await SettleAsync(server);
        string kpi = BenchmarkData.KpiCode(0);
        var asOf = VietnamTime.StartOf(BenchmarkData.FirstDay.AddDays(30));
        string q = "SELECT \"numerator\",\"denominator\",\"value\",\"source\",\"received_ms\" FROM \"observation\" " +
            $"WHERE \"kpi\" = {InfluxQl.Literal(kpi)} AND time <= {InfluxQl.Time(asOf)} GROUP BY \"unit\" ORDER BY time DESC LIMIT 1";
        int units = (await store.GetLatestAsync(kpi, asOf, null, CancellationToken.None)).Count;
        int rawLength = (await RawInflux.QueryAsync(rawHttp, url, storeDb, q)).Length;
        if (units != BenchmarkData.UnitCount)
        {
            throw new InvalidOperationException($"Store returned {units} units instead of {BenchmarkData.UnitCount}.");
        }

        var storeRuns = new List<double>();
        var rawRuns = new List<double>();
        for (int i = 0; i < QueryRuns; i++)
        {
            storeRuns.Add((await TimeAsync(() => store.GetLatestAsync(kpi, asOf, null, CancellationToken.None))).TotalMilliseconds);
            rawRuns.Add((await TimeAsync(() => RawInflux.QueryAsync(rawHttp, url, storeDb, q))).TotalMilliseconds);
        }

        double storeQuery = Median(storeRuns), rawQuery = Median(rawRuns);
        Console.WriteLine(string.Create(Invariant, $"write store: {total:N0} points in {storeTime.TotalSeconds:0.00} s = {storeRate:N0} points/s"));
        Console.WriteLine(string.Create(Invariant, $"write raw:   {total:N0} points in {rawTime.TotalSeconds:0.00} s = {rawRate:N0} points/s"));
        Console.WriteLine($"write CPU store: {storeCpu}");
        Console.WriteLine($"write CPU raw:   {rawCpu}");
        if (server is not null)
        {
            // Less disturbed by other load than wall-clock time: the CPU both processes spent per point.
            Console.WriteLine(string.Create(Invariant,
                $"write CPU per point (client + influxd): store {storeCpu.Total.TotalMicroseconds / total:0.0} µs, raw {rawCpu.Total.TotalMicroseconds / total:0.0} µs"));
        }

        Console.WriteLine(string.Create(Invariant, $"query store: median {storeQuery:0} ms for {units:N0} units (runs {string.Join(", ", storeRuns.Select(x => x.ToString("0", Invariant)))})"));
        Console.WriteLine(string.Create(Invariant, $"query raw:   median {rawQuery:0} ms, {rawLength / 1e6:0.0} MB JSON (runs {string.Join(", ", rawRuns.Select(x => x.ToString("0", Invariant)))})"));
        string influxd = server?.ProcessId is { } pid ? $"; influxd {InfluxdPeakMb(pid)}" : "";
        Console.WriteLine(string.Create(Invariant, $"peak working set: benchmark {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB{influxd}"));
        foreach (var warning in log.Entries.Where(e => e.Level >= LogLevel.Warning).Take(5))
        {
            Console.WriteLine($"store warning: {warning.Text}");
        }

        if (server is null)
        {
            // Someone else's server: leave it as it was.
            foreach (string db in (string[])[storeDb, rawDb, warmDb])
            {
                await RawInflux.QueryAsync(rawHttp, url, null, $"DROP DATABASE {InfluxQl.Identifier(db)}");
            }
        }

        Console.WriteLine(string.Create(Invariant, $"write ratio: {storeRate / rawRate:0.00}"));
        Console.WriteLine(string.Create(Invariant, $"query ratio: {storeQuery / rawQuery:0.00}"));
        return 0;
    }

    /// <summary>What the store costs by itself (validation, de-duplication, formatting, gzip), against a server that costs nothing.</summary>
    private static async Task<string> MeasureStoreAloneAsync(Catalog catalog, Observation[][] days, InfluxOptions options, ILogger<InfluxTimeSeriesStore> log)
    {
        using var nowhere = new HttpClient(new NoContentHandler());
        var store = new InfluxTimeSeriesStore(nowhere, Options.Create(options), catalog, TimeProvider.System, log);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var day in days)
        {
            await store.WriteAsync(day, CancellationToken.None);
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        int total = days.Sum(d => d.Length);
        return string.Create(Invariant,
            $"  store alone (no server), gzip {(options.Gzip ? "on" : "off")}: {total:N0} points in {clock.Elapsed.TotalSeconds:0.00} s = {total / clock.Elapsed.TotalSeconds:N0} points/s, {cpu.TotalSeconds:0.00} s CPU");
    }

    /// <summary>
    /// Before each timed phase: collect this process's garbage and let influxd finish the background work of
    /// the previous phase, so neither side pays for the other (alternating the order alone is not enough:
    /// on a 2-core machine a phase running second was up to twice as slow).
    /// </summary>
    private static async Task SettleAsync(InfluxdServer? server)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await CpuMeter.WaitForIdleAsync(server?.ProcessId);
    }

    private static async Task<InfluxdServer> StartServerAsync()
    {
        Console.WriteLine("Khởi động influxd riêng / starting a private influxd …");
        var server = await InfluxdServer.StartAsync();
        Console.WriteLine($"  {server.Url} (data in {server.Directory})");
        return server;
    }

    private static async Task<(TimeSpan Elapsed, int Written)> TimeStoreAsync(InfluxTimeSeriesStore store, Observation[] day, int written)
    {
        WriteResult? result = null;
        var elapsed = await TimeAsync(async () => result = await store.WriteAsync(day, CancellationToken.None));
        if (!result!.IsComplete)
        {
            throw new InvalidOperationException($"Store write incomplete: {result.Rejected.Count} rejected, {result.DroppedByServer} dropped: {result.ServerMessage}");
        }

        return (elapsed, written + result.Written);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string InfluxdPeakMb(int pid)
    {
        string status = $"/proc/{pid}/status";
        string? line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null ? "?" : string.Create(Invariant, $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Invariant) / 1e3:N0} MB peak");
    }
}
