using System.Diagnostics;
using System.Net;
using System.Text;
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

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private DemoDashboardProcess(Process process, string folder, Uri baseUrl, string apiKey)
    {
        _process = process;
        Folder = folder;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    public Uri BaseUrl { get; }

    public string ApiKey { get; }

    /// <summary>The temp working folder: <c>config/</c>, <c>store.db</c>, <c>collector/</c>.</summary>
    public string Folder { get; }

    public static async Task<DemoDashboardProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        // Tests run from tests/Dashboard.Tests/bin/<Configuration>/net10.0/: run the dashboard built the same way.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Dashboard", "bin", configuration, "net10.0", "KpiMonitor.Dashboard.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: run 'dotnet build src/Dashboard -c {configuration}' first.", dll);
        }

        // A demo someone started by hand holds the simulator's port; give it a while to end before giving up.
        if (!await LoopbackPort.WaitUntilFreeAsync(SimulatorPort, PortWait, cancellationToken))
        {
            throw new InvalidOperationException(
                $"Port {SimulatorPort} (the demo simulator's, see config/sources.json) has been taken for {PortWait.TotalMinutes} minutes: " +
                "stop the running demo ('dotnet run --project src/Dashboard' or scripts/demo.sh) and run the browser tests again.");
        }

        string folder = Directory.CreateTempSubdirectory("kpimonitor-browser-").FullName;
        CopyFolder(RepoPaths.Config, Path.Combine(folder, "config"));
        var baseUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        string apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            Environment =
            {
                ["Urls"] = baseUrl.ToString().TrimEnd('/'),
                ["Demo__Enabled"] = "true",
                ["Demo__HistoryMonths"] = "13",
                ["Catalog__Directory"] = Path.Combine(folder, "config"),
                ["Storage__Influx__Url"] = "",
                ["Storage__Sqlite__Path"] = Path.Combine(folder, "store.db"),
                ["Collector__StateDirectory"] = Path.Combine(folder, "collector"),
                ["Auth__ApiKey"] = apiKey,
            },
        };
        var dashboard = new DemoDashboardProcess(new Process { StartInfo = start }, folder, baseUrl, apiKey);
        try
        {
            dashboard.Launch();
            await dashboard.WaitUntilReadyAsync(cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>Everything the dashboard printed so far, for failure messages.</summary>
    public string Output()
    {
        lock (_outputLock)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }

        _process.Dispose();
        for (int attempt = 0; attempt < 5 && Directory.Exists(Folder); attempt++)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                await Task.Delay(200);
            }
        }
    }

    private void Launch()
    {
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits for /health, then for the demo history: the oldest month of a 12-month series has a value.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode} while starting. Output:\n{Output()}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                last = $"/health: {(int)health.StatusCode}";
                if (health.StatusCode == HttpStatusCode.OK && await DemoHistoryProbe.CompleteAsync(http, cancellationToken))
                {
                    return;
                }

                last += ", demo history not complete yet";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex.Message;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The demo dashboard at {BaseUrl} was not ready within {StartTimeout.TotalSeconds} s ({last}). Output:\n{Output()}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_outputLock)
            {
                _output.AppendLine(line);
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
