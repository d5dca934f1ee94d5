using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Storage.Influx;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// The floor under the pages: the flat InfluxQL read the store uses for a KPI's series (every unit's figures
/// of a range, the unit as a column), sent straight to influxd and read to the last byte.
/// </summary>
public sealed class RawQueryTimer(HttpClient http, Uri influx, string database, Catalog catalog)
{
    private const int Rounds = 3;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// What the dashboard's rollup cache reads per KPI for an overview: the default of RollupCacheOptions.WindowMonths
    /// (src/Dashboard/Rollups), copied because the benchmark runs the dashboard as a process, never loads its assembly.
    /// </summary>
    private const int WindowMonths = 24;

    /// <summary>The overview's reads: every KPI over the rollup cache's window ending with this month, one after another.</summary>
    public async Task<string> OverviewAsync(IReadOnlyList<string> kpis, DateOnly thisMonth, CancellationToken cancellationToken)
    {
        var totals = new List<double>();
        long rows = 0;
        for (int round = 0; round < Rounds; round++)
        {
            double total = 0;
            rows = 0;
            foreach (string kpi in kpis)
            {
                var (ms, count) = await TimeAsync(Query(kpi, thisMonth, WindowMonths), cancellationToken);
                total += ms;
                rows += count;
            }

            totals.Add(total);
        }

        double median = totals.Order().ElementAt(Rounds / 2);
        long expected = kpis.Sum(k => Expected(k, thisMonth, WindowMonths));
        return string.Create(Invariant,
            $"  InfluxQL trực tiếp / raw, {kpis.Count} KPIs × {WindowMonths} months in sequence: total {median:0} ms, per KPI {median / kpis.Count:0} ms, {Rows(rows, expected)} (median of {Rounds})");
    }

    /// <summary>The KPI page's read: one KPI over <paramref name="months"/> months.</summary>
    public async Task<string> KpiAsync(string kpi, DateOnly thisMonth, int months, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        long rows = 0;
        for (int round = 0; round < Rounds; round++)
        {
            (double ms, rows) = await TimeAsync(Query(kpi, thisMonth, months), cancellationToken);
            times.Add(ms);
        }

        return string.Create(Invariant,
            $"  InfluxQL trực tiếp / raw, {kpi} × {months} months: {times.Order().ElementAt(Rounds / 2):0} ms, {Rows(rows, Expected(kpi, thisMonth, months))} (median of {Rounds})");
    }

    private static string Rows(long rows, long expected) => string.Create(Invariant,
        $"{rows:N0} rows{(rows == expected ? "" : $" (NOT AS LOADED: expected {expected:N0})")}");

    /// <summary>Points the loaded history has in the window: one per unit per reporting period starting in it.</summary>
    private long Expected(string kpi, DateOnly thisMonth, int months)
    {
        var first = thisMonth.AddMonths(1 - months);
        var period = catalog.Kpis.Find(kpi)!.Period;
        int periods = Enumerable.Range(0, months).Select(m => period.FirstDayOf(first.AddMonths(m))).Where(p => p >= first).Distinct().Count();
        return (long)periods * catalog.Units.Units.Count;
    }

    private static string Query(string kpi, DateOnly thisMonth, int months) =>
        $"SELECT \"unit\",\"numerator\",\"denominator\",\"value\" FROM \"observation\" WHERE \"kpi\" = {InfluxQl.Literal(kpi)} " +
        $"AND time >= {InfluxQl.Time(VietnamTime.StartOf(thisMonth.AddMonths(1 - months)))} AND time < {InfluxQl.Time(VietnamTime.StartOf(thisMonth.AddMonths(1)))}";

    /// <summary>Time to the last byte of the answer; rows are counted afterwards, outside the timing.</summary>
    private async Task<(double Ms, long Rows)> TimeAsync(string q, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var content = new FormUrlEncodedContent([new("q", q), new("db", database), new("epoch", "ms")]);
        using var response = await http.PostAsync(new Uri(influx, "/query"), content, cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        double ms = clock.Elapsed.TotalMilliseconds;
        using var doc = JsonDocument.Parse(body);
        var result = doc.RootElement.GetProperty("results")[0];
        if (!response.IsSuccessStatusCode || result.TryGetProperty("error", out _))
        {
            throw new InvalidOperationException($"influxd: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        long rows = result.TryGetProperty("series", out var series) ? series.EnumerateArray().Sum(s => (long)s.GetProperty("values").GetArrayLength()) : 0;
        return (ms, rows);
    }
}
