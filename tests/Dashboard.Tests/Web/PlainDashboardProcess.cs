using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The built dashboard as its own process, production-shaped (demo off, a temp store), with extra environment
/// variables as an operator would set them: either run until it stops (a refused start) or kept running.
/// </summary>
public sealed class PlainDashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DashboardProcess _process;
    private readonly string _folder;

    private PlainDashboardProcess(DashboardProcess process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>Everything the dashboard printed so far.</summary>
    public string Output() => _process.Output;

    /// <summary>Where it listens.</summary>
    public Uri Url => _process.Url;

    /// <summary>Waits until the dashboard has printed <paramref name="text"/> (a log line written after an answer); throws after <paramref name="patience"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!_process.Output.Contains(text, StringComparison.Ordinal))
        {
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Dashboard không in '{text}'. Đầu ra:\n{_process.Output}");
            }
        }
    }

    /// <summary>Starts the dashboard and waits for it to stop by itself; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var dashboard = Launch(new Uri("http://127.0.0.1:0"), environment);
        int exitCode = await dashboard._process.WaitForExitAsync(Patience);
        return (exitCode, dashboard.Output());
    }

    /// <summary>Starts the dashboard on <paramref name="baseUrl"/> and waits until <c>/health</c> answers.</summary>
    public static async Task<PlainDashboardProcess> StartAsync(Uri baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        var dashboard = Launch(baseUrl, environment);
        try
        {
            await dashboard._process.WaitForAsync("/health", Patience);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static PlainDashboardProcess Launch(Uri baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        string folder = Directory.CreateTempSubdirectory("kpimonitor-plain-").FullName;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Demo__Enabled"] = "false",
            ["Catalog__Directory"] = RepoPaths.Config,
            ["Storage__Influx__Url"] = "",
            ["Storage__Sqlite__Path"] = Path.Combine(folder, "store.db"),
            ["Collector__StateDirectory"] = Path.Combine(folder, "collector"),
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }

        return new PlainDashboardProcess(DashboardProcess.Launch(DashboardProcess.Dll(), folder, baseUrl, settings), folder);
    }
}
