using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace KpiMonitor.Testing;

/// <summary>
/// The built dashboard run as its own process, as an operator runs it: its own memory, environment variables for
/// settings, console output kept (the last lines) for failure messages. Browser tests, the SSO tests and the
/// dashboard benchmark start it through this one class; each decides the settings and the working folder.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private const int KeptLines = 2000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DashboardProcess(ProcessStartInfo start, Uri url)
    {
        Url = url;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where it listens (http://127.0.0.1:port).</summary>
    public Uri Url { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote to stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// The dashboard built in the configuration the caller was built in (tests and benchmarks run from
    /// <c>bin/&lt;Configuration&gt;/net10.0/</c>), or a message saying how to build it.
    /// </summary>
    public static string Dll()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Dashboard", "bin", configuration, "net10.0", "KpiMonitor.Dashboard.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Chưa build dashboard ({dll}); chạy / run: dotnet build src/Dashboard -c {configuration}", dll);
    }

    /// <summary>Starts <paramref name="dll"/> in <paramref name="workingDirectory"/> listening on <paramref name="url"/>, without waiting.</summary>
    public static DashboardProcess Launch(string dll, string workingDirectory, Uri url, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = url.GetLeftPart(UriPartial.Authority);
        return new DashboardProcess(start, url);
    }

    /// <summary>
    /// Starts the dashboard and waits until <c>/health</c> answers 200 (and <paramref name="ready"/>, if given, says
    /// yes); stops it again if it does not.
    /// </summary>
    public static async Task<DashboardProcess> StartAsync(string dll, string workingDirectory, Uri url, IReadOnlyDictionary<string, string> environment,
        TimeSpan patience, Func<HttpClient, CancellationToken, Task<bool>>? ready = null, CancellationToken cancellationToken = default)
    {
        var dashboard = Launch(dll, workingDirectory, url, environment);
        try
        {
            await dashboard.WaitForAsync("/health", patience, ready, cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200 and <paramref name="ready"/> (if given) says yes.</summary>
    public async Task WaitForAsync(string path, TimeSpan patience, Func<HttpClient, CancellationToken, Task<bool>>? ready = null,
        CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < patience)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                last = $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                if (response.StatusCode == HttpStatusCode.OK && (ready is null || await ready(http, cancellationToken)))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex.Message; // not listening yet
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The dashboard at {Url} was not ready on {path} within {patience.TotalSeconds} s ({last}):\n{Output}");
    }

    /// <summary>Waits for the dashboard to stop by itself (a refused start); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The dashboard was still running after {patience.TotalSeconds} s:\n{Output}");
        }

        // The exit event comes before the last lines of output have been read; this overload waits for them.
        await _process.WaitForExitAsync(CancellationToken.None);
        return _process.ExitCode;
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
