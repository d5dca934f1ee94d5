using System.Globalization;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// What one phase measured: sorted latencies in milliseconds, one per sample and, under <see cref="Parts"/>,
/// one per request of each kind.
/// </summary>
public sealed record LoadResult(
    double[] Latencies, IReadOnlyDictionary<string, double[]> Parts, int Requests, IReadOnlyList<(string Kind, string Example)> Errors, TimeSpan Elapsed)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public double P95 => Percentile(Latencies, 95);

    public IEnumerable<string> Lines()
    {
        yield return string.Create(Invariant,
            $"  samples {Latencies.Length}, requests {Requests}, requests per second {Requests / Elapsed.TotalSeconds:0.0}, errors {Errors.Count} ({Elapsed.TotalSeconds:0.0} s)");
        yield return "  sample " + Spread(Latencies);
        if (Parts.Count > 1)
        {
            foreach (var (part, latencies) in Parts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                yield return $"    {part}: " + Spread(latencies);
            }
        }

        foreach (var kind in Errors.GroupBy(e => e.Kind, StringComparer.Ordinal).Take(5))
        {
            yield return string.Create(Invariant, $"  lỗi / error ×{kind.Count()}: {kind.Key} (e.g. {kind.First().Example})");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "0" : "0.#", Invariant);

    private static string Spread(double[] sorted) => sorted.Length == 0
        ? "(none)"
        : $"p50 ms {Ms(Percentile(sorted, 50))}, p95 ms {Ms(Percentile(sorted, 95))}, p99 ms {Ms(Percentile(sorted, 99))}, max ms {Ms(sorted[^1])}";
}
