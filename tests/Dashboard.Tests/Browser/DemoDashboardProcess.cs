using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>
/// The real dashboard as its own process, in demo mode (simulator, collector, history; ADR 006), working in a
/// temp folder with a copy of <c>config/</c> and its own store, on a free loopback port.
/// </summary>
public sealed class DemoDashboardProcess : IAsyncDisposable
{
    /// <summary>The demo simulator's port, which <c>config/sources.json</c> points at: only one demo may run at a time.</summary>
    public const int SimulatorPort = 5090;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PortWait = TimeSpan.FromMinutes(2);

    private readonly DashboardProcess _process;

    private DemoDashboardProcess(DashboardProcess process, string folder, string apiKey)
    {
        _process = process;
        Folder = folder;
        ApiKey = apiKey;
    }

    public Uri BaseUrl => _process.Url;

    public string ApiKey { get; }

    /// <summary>The temp working folder: <c>config/</c>, <c>store.db</c>, <c>collector/</c>.</summary>
    public string Folder { get; }

    public static async Task<DemoDashboardProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        string dll = DashboardProcess.Dll();

        // A demo someone started by hand holds the simulator's port; give it a while to end before giving up.
        if (!await LoopbackPort.WaitUntilFreeAsync(SimulatorPort, PortWait, cancellationToken))
        {
            throw new InvalidOperationException(
                $"Port {SimulatorPort} (the demo simulator's, see config/sources.json) has been taken for {PortWait.TotalMinutes} minutes: " +
                "stop the running demo ('dotnet run --project src/Dashboard' or scripts/demo.sh) and run the browser tests again.");
        }

        string folder = Directory.CreateTempSubdirectory("kpimonitor-browser-").FullName;
        CopyFolder(RepoPaths.Config, Path.Combine(folder, "config"));
        string apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Demo__Enabled"] = "true",
            ["Demo__HistoryMonths"] = "13",
            ["Catalog__Directory"] = Path.Combine(folder, "config"),
            ["Storage__Influx__Url"] = "",
            ["Storage__Sqlite__Path"] = Path.Combine(folder, "store.db"),
            ["Collector__StateDirectory"] = Path.Combine(folder, "collector"),
            ["Auth__ApiKey"] = apiKey,
            // The demo's alerting service evaluates often, so alerts fire (and acknowledgements apply) within the tests' patience.
            ["Alerts__EvaluationInterval"] = "00:00:10",
            ["Alerts__ChangePollInterval"] = "00:00:02",
            ["Alerts__Reading__RefreshInterval"] = "00:00:01",
        };
        try
        {
            // Ready when /health answers and the demo history is complete: the oldest month of a 12-month series has a value.
            var process = await DashboardProcess.StartAsync(dll, folder, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), settings, StartTimeout,
                (http, ct) =>
                {
                    if (!http.DefaultRequestHeaders.Contains("X-API-Key"))
                    {
                        http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
                    }

                    return DemoHistoryProbe.CompleteAsync(http, ct);
                },
                cancellationToken);
            return new DemoDashboardProcess(process, folder, apiKey);
        }
        catch
        {
            await DeleteAsync(folder);
            throw;
        }
    }

    /// <summary>Everything the dashboard printed so far, for failure messages.</summary>
    public string Output() => _process.Output;

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await DeleteAsync(Folder);
    }

    private static async Task DeleteAsync(string folder)
    {
        for (int attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                await Task.Delay(200);
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
