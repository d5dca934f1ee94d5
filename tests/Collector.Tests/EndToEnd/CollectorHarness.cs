using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>
/// The collector's real services, wired as its host wires them, against a real simulator over HTTP and a
/// real store, with config/ copied to a temporary folder and sources.json written per test.
/// </summary>
public sealed class CollectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CollectorHarness(string root, ServiceProvider services)
    {
        Root = root;
        _services = services;
    }

    public string Root { get; }

    public IServiceProvider Services => _services;

    public ITimeSeriesStore Store => _services.GetRequiredService<ITimeSeriesStore>();

    public ObservationSpool Spool => _services.GetRequiredService<ObservationSpool>();

    /// <summary>Demo secrets of the simulator, as environment variables would carry them.</summary>
    public static readonly Dictionary<string, string?> Secrets = new()
    {
        ["KPIMONITOR_EOFFICE_SECRET"] = SimulatorOptions.DemoClientSecret,
        ["KPIMONITOR_ONESTOP_SECRET"] = SimulatorOptions.DemoClientSecret,
        ["KPIMONITOR_ANTIMALWARE_KEY"] = SimulatorOptions.DemoApiKey,
        ["KPIMONITOR_PORTAL_PASSWORD"] = SimulatorOptions.DemoBasicPassword,
    };

    /// <summary>
    /// Builds a collector in <paramref name="root"/> (reused across "restarts" when given). Store: InfluxDB at
    /// <paramref name="influxUrl"/>/<paramref name="database"/>, or SQLite inside the root when null. <paramref name="clock"/>
    /// replaces the system clock (token lifetimes, the poll window).
    /// </summary>
    public static CollectorHarness Create(string sourcesJson, string? influxUrl = null, string? database = null, string? root = null,
        IDictionary<string, string?>? extra = null, TimeProvider? clock = null)
    {
        root ??= Directory.CreateTempSubdirectory("kpimonitor-collector-").FullName;
        string config = Path.Combine(root, "config");
        CopyConfig(config);
        File.WriteAllText(Path.Combine(config, "sources.json"), sourcesJson);

        var settings = new Dictionary<string, string?>(Secrets)
        {
            ["Catalog:Directory"] = config,
            ["Collector:StateDirectory"] = Path.Combine(root, "state"),
            ["Collector:HttpRetries"] = "1",
            ["Collector:HttpRetryDelay"] = "00:00:00.050",
            ["Collector:CircuitBreakDuration"] = "00:00:01",
            ["Collector:MaxResponseMegabytes"] = "16",
            ["Storage:Sqlite:Path"] = Path.Combine(root, "store.db"),
            ["Storage:Influx:Url"] = influxUrl,
            ["Storage:Influx:Database"] = database ?? "kpimonitor",
            ["Storage:Influx:MaxRetries"] = "1",
            ["Storage:Influx:FirstRetryDelay"] = "00:00:00.050",
            ["Storage:Influx:Timeout"] = "00:00:05",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            // The collector registers the system clock only when none is registered yet.
            services.AddSingleton(clock);
        }

        services.AddCollector(configuration, scheduled: false);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            // As the program does: the catalogue and sources.json are loaded and checked here, not at registration.
            ConsoleStartup.ValidateSettings(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return new CollectorHarness(root, provider);
    }

    public async Task<(int ExitCode, string Output)> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        int code = await _services.GetRequiredService<RunOnceCommand>().RunAsync(output, cancellationToken);
        return (code, output.ToString());
    }

    public Task<PollSummary> PollAsync(string source) =>
        _services.GetRequiredService<SourcePoller>().PollAsync(source, CancellationToken.None);

    public static void CopyConfig(string target)
    {
        Directory.CreateDirectory(Path.Combine(target, "mappings"));
        foreach (string file in new[] { "kpis.json", "units.json", "targets.json", "mappings/antimalware.csv" })
        {
            File.Copy(Path.Combine(RepoPaths.Config, file), Path.Combine(target, file), overwrite: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Deletes the folder; call once the last harness on it is disposed.</summary>
    public void DeleteFolder() => Directory.Delete(Root, recursive: true);
}
