using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using KpiMonitor.Testing;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// The dashboard's Release build run as its own process (so its memory is its own), on a free loopback port,
/// with its console output kept for a failure message.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DashboardProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the dashboard wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The Release (or current configuration) build of the dashboard, or a message saying how to build it.</summary>
    public static string Dll()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Dashboard", "bin", configuration, "net10.0", "KpiMonitor.Dashboard.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Chưa build dashboard ({dll}); chạy / run: dotnet build src/Dashboard -c {configuration}");
    }

    /// <summary>Starts the dashboard in <paramref name="workingDirectory"/> and waits until <c>/health</c> answers 200.</summary>
    public static async Task<DashboardProcess> StartAsync(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = url.ToString().TrimEnd('/');
        var dashboard = new DashboardProcess(new Process { StartInfo = start }, url);
        dashboard._process.OutputDataReceived += (_, e) => dashboard.Keep(e.Data);
        dashboard._process.ErrorDataReceived += (_, e) => dashboard.Keep(e.Data);
        dashboard._process.Start();
        dashboard._process.BeginOutputReadLine();
        dashboard._process.BeginErrorReadLine();
        try
        {
            await dashboard.WaitForAsync("/health", cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>VmRSS and VmHWM (peak resident) of the dashboard, in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        long Read(string key)
        {
            string? line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        return _process.HasExited ? (0, 0) : (Read("VmRSS:"), Read("VmHWM:"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200: the first reading of the rollups has ended.</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => WaitForAsync("/health/ready", cancellationToken);

    private async Task WaitForAsync(string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        string last = "";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Dashboard dừng khi khởi động / exited while starting (code {_process.ExitCode}):\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, path), cancellationToken);
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"Dashboard không trả lời {path} sau / did not answer {path} within {StartTimeout.TotalSeconds} s ({last}):\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
