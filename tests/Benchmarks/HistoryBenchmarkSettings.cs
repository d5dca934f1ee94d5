namespace KpiMonitor.Benchmarks;

/// <summary>Command-line settings of the benchmarks that load a national history into influxd (alerts, report).</summary>
public sealed record HistoryBenchmarkSettings
{
    /// <summary>An influxd to use instead of a private one (kept afterwards, with the history in it).</summary>
    public Uri? InfluxUrl { get; init; }

    /// <summary>The history is already in <see cref="InfluxUrl"/> from an earlier run.</summary>
    public bool SkipLoad { get; init; }

    public static HistoryBenchmarkSettings Parse(string[] args)
    {
        var settings = new HistoryBenchmarkSettings();
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
                "--skip-load" => settings with { SkipLoad = true },
                _ => throw new ArgumentException($"Tùy chọn không rõ / unknown option: {args[i]}"),
            };
        }

        return settings.SkipLoad && settings.InfluxUrl is null
            ? throw new ArgumentException("--skip-load cần --influx-url (influxd riêng mới tạo thì trống) / needs --influx-url (a fresh private influxd is empty)")
            : settings;
    }
}
