using System.Globalization;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>Command-line settings of the dashboard benchmark.</summary>
public sealed record DashboardBenchmarkSettings
{
    /// <summary>An influxd to use instead of a private one (kept afterwards, with the history in it).</summary>
    public Uri? InfluxUrl { get; init; }

    /// <summary>The history is already in <see cref="InfluxUrl"/> from an earlier run.</summary>
    public bool SkipLoad { get; init; }

    public int Seconds { get; init; } = 30;

    public int Clients { get; init; } = 20;

    /// <summary>Another build of the dashboard, for example of an earlier commit, to compare with.</summary>
    public string? DashboardDll { get; init; }

    public static DashboardBenchmarkSettings Parse(string[] args)
    {
        var settings = new DashboardBenchmarkSettings();
        if (Environment.GetEnvironmentVariable("KPIMONITOR_BENCH_INFLUX_URL") is { Length: > 0 } fromEnvironment)
        {
            settings = settings with { InfluxUrl = new Uri(fromEnvironment) };
        }

        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Thiếu giá trị cho {args[i]} / missing value for {args[i]}");
            int Positive() => int.Parse(Value(), CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i - 1]} phải lớn hơn 0 / must be above 0");
            settings = args[i] switch
            {
                "--influx-url" => settings with { InfluxUrl = new Uri(Value()) },
                "--skip-load" => settings with { SkipLoad = true },
                "--seconds" => settings with { Seconds = Positive() },
                "--clients" => settings with { Clients = Positive() },
                "--dashboard-dll" => settings with { DashboardDll = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Tùy chọn không rõ / unknown option: {args[i]}"),
            };
        }

        if (settings.SkipLoad && settings.InfluxUrl is null)
        {
            throw new ArgumentException("--skip-load cần --influx-url (influxd riêng mới tạo thì trống) / needs --influx-url (a fresh private influxd is empty)");
        }

        return settings.DashboardDll is { } dll && !File.Exists(dll)
            ? throw new ArgumentException($"Không có tệp / no such file: {dll}")
            : settings;
    }
}
