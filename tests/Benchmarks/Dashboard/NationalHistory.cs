using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Storage.Influx;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// Two years of history for every KPI and unit, written as raw line protocol in the store's schema. Each figure is
/// stamped as the collector and the manual import stamp it: the start, in Vietnamese time, of the KPI's reporting
/// period. So a monthly KPI has one point per unit per month and a yearly one a point per unit per year (later
/// months of a year overwrite the same point in real life, so they add nothing here).
/// </summary>
public static class NationalHistory
{
    public const int Months = 24;
    private const int Concurrency = 2;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Source codes of sources.json by the KPIs' source systems; the rest arrive as manual figures.</summary>
    private static readonly Dictionary<string, string> SourceBySystem = new(StringComparer.Ordinal)
    {
        ["e-office"] = "eoffice",
        ["one-stop"] = "onestop",
        ["anti-malware"] = "antimalware",
        ["national-portal"] = "portal766",
    };

    /// <summary>One POST: one KPI's figure for every unit for one period.</summary>
    private sealed record Batch(int KpiIndex, KpiDefinition Kpi, DateOnly Period, int MonthIndex);

    public static async Task LoadAsync(HttpClient http, Uri influx, string database, Catalog catalog, DateOnly thisMonth, CancellationToken cancellationToken)
    {
        var batches = Batches(catalog, thisMonth);
        long total = (long)batches.Count * catalog.Units.Units.Count;
        Console.WriteLine(string.Create(Invariant,
            $"Nạp lịch sử / loading history: {catalog.Kpis.All.Count} KPIs × {catalog.Units.Units.Count:N0} units, {Months} months to {thisMonth:yyyy-MM} = {total:N0} points in {batches.Count} POSTs (gzip, {Concurrency} at a time)"));
        await CreateDatabaseAsync(http, influx, database, cancellationToken);

        long receivedMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long written = 0;
        int reported = 0;
        var progress = new Lock();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            byte[] body = Gzip(Lines(catalog, batch, receivedMs));
            await WriteAsync(http, influx, database, body, ct);
            long now = Interlocked.Add(ref written, catalog.Units.Units.Count);
            int tenth = (int)(now * 10 / total);
            lock (progress)
            {
                if (tenth > reported)
                {
                    reported = tenth;
                    Console.WriteLine(string.Create(Invariant, $"  {now:N0} / {total:N0} ({now / clock.Elapsed.TotalSeconds:N0} points/s)"));
                }
            }
        });
        clock.Stop();

        // What the store writes after every write call, so readers that watch for changes see the history.
        using var changes = new LineProtocolWriter();
        foreach (var kpi in catalog.Kpis.All)
        {
            changes.BeginLine("kpi_change");
            changes.Tag("kpi", kpi.Code);
            changes.Field("version", Random.Shared.NextInt64(1L << 53));
            changes.EndLine(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        await WriteAsync(http, influx, database, Gzip(changes.WrittenMemory.ToArray()), cancellationToken);
        Console.WriteLine(string.Create(Invariant,
            $"load: {written:N0} points in {clock.Elapsed.TotalSeconds:0.0} s = {written / clock.Elapsed.TotalSeconds:N0} points/s"));
    }

    /// <summary>Month by month (series grow in time order, as the collector makes them grow), each KPI's period once.</summary>
    private static List<Batch> Batches(Catalog catalog, DateOnly thisMonth)
    {
        var batches = new List<Batch>();
        var seen = new HashSet<(string, DateOnly)>();
        for (int m = 0; m < Months; m++)
        {
            var month = thisMonth.AddMonths(m - Months + 1);
            for (int k = 0; k < catalog.Kpis.All.Count; k++)
            {
                var kpi = catalog.Kpis.All[k];
                var period = kpi.Period.FirstDayOf(month);
                if (seen.Add((kpi.Code, period)))
                {
                    batches.Add(new Batch(k, kpi, period, m));
                }
            }
        }

        return batches;
    }

    private static byte[] Lines(Catalog catalog, Batch batch, long receivedMs)
    {
        var random = new Random((batch.KpiIndex * 100_003) + batch.Period.DayNumber);
        long time = VietnamTime.StartOf(batch.Period).ToUnixTimeMilliseconds();
        string source = SourceBySystem.GetValueOrDefault(batch.Kpi.SourceSystem, "manual");
        // Rates improve over the two years, so trends and statuses have something to show.
        double progress = batch.MonthIndex / (double)(Months - 1);
        using var writer = new LineProtocolWriter(1 << 20);
        foreach (var unit in catalog.Units.Units)
        {
            writer.BeginLine("observation");
            writer.Tag("kpi", batch.Kpi.Code);
            writer.Tag("unit", unit.Code);
            switch (batch.Kpi.Kind)
            {
                case KpiKind.Ratio:
                    double denominator = random.Next(20, 2000);
                    double rate = Math.Clamp(0.55 + (0.35 * progress) + ((random.NextDouble() - 0.5) * 0.3), 0, 1);
                    writer.Field("numerator", Math.Round(denominator * rate));
                    writer.Field("denominator", denominator);
                    break;
                case KpiKind.Count:
                    writer.Field("value", (double)random.Next(0, 500));
                    break;
                case KpiKind.Rank:
                    writer.Field("value", (double)random.Next(1, 64));
                    break;
                default:
                    writer.Field("value", Math.Round(60 + (30 * progress) + (random.NextDouble() * 10), 2));
                    break;
            }

            writer.Field("source", source);
            writer.Field("received_ms", receivedMs);
            writer.EndLine(time);
        }

        return writer.WrittenMemory.ToArray();
    }

    private static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 8);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }

    private static async Task CreateDatabaseAsync(HttpClient http, Uri influx, string database, CancellationToken cancellationToken)
    {
        // As the store creates it (Storage:Influx:ShardDuration's default), so the history sits in the shards a deployment has.
        using var content = new FormUrlEncodedContent([new("q", InfluxQl.CreateDatabase(database, InfluxOptions.DefaultShardDuration))]);
        using var response = await http.PostAsync(new Uri(influx, "/query"), content, cancellationToken);
        await CheckAsync(response, "CREATE DATABASE", cancellationToken);
    }

    private static async Task WriteAsync(HttpClient http, Uri influx, string database, byte[] gzipBody, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(gzipBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await http.PostAsync(new Uri(influx, $"/write?db={Uri.EscapeDataString(database)}&precision=ms"), content, cancellationToken);
        await CheckAsync(response, "/write", cancellationToken);
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        string answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK) || answer.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"influxd {what}: {(int)response.StatusCode} {answer}");
        }
    }
}
