using System.Globalization;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>Command-line settings of the storage benchmark.</summary>
public sealed record StorageBenchmarkSettings
{
    public Uri? InfluxUrl { get; init; }

    public bool? Gzip { get; init; }

    public int? Concurrency { get; init; }

    public int? BatchSize { get; init; }

    public int Days { get; init; } = 8;

    /// <summary>Let the store go first on the first day (and every other day after), instead of raw.</summary>
    public bool StoreFirst { get; init; }

    /// <summary>Time series creation too: do not create the series before the measured days.</summary>
    public bool Cold { get; init; }

    public static StorageBenchmarkSettings Parse(string[] args)
    {
        var settings = new StorageBenchmarkSettings();
        if (Environment.GetEnvironmentVariable("KPIMONITOR_BENCH_INFLUX_URL") is { Length: > 0 } fromEnvironment)
        {
            settings = settings with { InfluxUrl = new Uri(fromEnvironment) };
        }

        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / missing value for {args[i]}");
            settings = args[i] switch
            {
                "--influx-url" => settings with { InfluxUrl = new Uri(Value()) },
                "--gzip" => settings with { Gzip = Value() is "on" or "true" },
                "--concurrency" => settings with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--batch-size" => settings with { BatchSize = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--days" => settings with { Days = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--store-first" => settings with { StoreFirst = true },
                "--cold" => settings with { Cold = true },
                _ => throw new ArgumentException($"Tùy chọn không rõ / unknown option: {args[i]}"),
            };
        }

        return settings;
    }
}
