using System.Diagnostics;
using System.Net;
using System.Text;
using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The built dashboard as its own process, production-shaped (demo off, a temp store), with extra environment
/// variables as an operator would set them: either run until it stops (a refused start) or kept running.
/// </summary>
public sealed class PlainDashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private PlainDashboardProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the dashboard printed so far.</summary>
    public string Output()
    {
        lock (_outputLock)
        {
            return _output.ToString();
        }
    }

    /// <summary>Starts the dashboard and waits for it to stop by itself; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        await using var dashboard = Launch(new Uri("http://127.0.0.1:0"), environment);
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await dashboard._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The dashboard was still running after {Patience.TotalSeconds} s:\n{dashboard.Output()}");
        }

        // The exit event comes before the last lines of output have been read.
        await dashboard._process.WaitForExitAsync(CancellationToken.None);
        return (dashboard._process.ExitCode, dashboard.Output());
    }

    /// <summary>Starts the dashboard on <paramref name="baseUrl"/> and waits until <c>/health</c> answers.</summary>
    public static async Task<PlainDashboardProcess> StartAsync(Uri baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        var dashboard = Launch(baseUrl, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Patience)
            {
                if (dashboard._process.HasExited)
                {
                    throw new InvalidOperationException($"The dashboard exited with code {dashboard._process.ExitCode} while starting:\n{dashboard.Output()}");
                }

                try
                {
                    using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    if (health.StatusCode == HttpStatusCode.OK)
                    {
                        return dashboard;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"The dashboard at {baseUrl} did not answer /health within {Patience.TotalSeconds} s:\n{dashboard.Output()}");
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static PlainDashboardProcess Launch(Uri baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        // Tests run from tests/Dashboard.Tests/bin/<Configuration>/net10.0/: run the dashboard built the same way.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Dashboard", "bin", configuration, "net10.0", "KpiMonitor.Dashboard.dll");
        string folder = Directory.CreateTempSubdirectory("kpimonitor-plain-").FullName;
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
                ["Urls"] = baseUrl.GetLeftPart(UriPartial.Authority),
                ["Demo__Enabled"] = "false",
                ["Catalog__Directory"] = RepoPaths.Config,
                ["Storage__Influx__Url"] = "",
                ["Storage__Sqlite__Path"] = Path.Combine(folder, "store.db"),
                ["Collector__StateDirectory"] = Path.Combine(folder, "collector"),
            },
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new PlainDashboardProcess(new Process { StartInfo = start }, folder);
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
}
