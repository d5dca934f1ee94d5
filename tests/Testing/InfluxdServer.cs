using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KpiMonitor.Storage.Influx;

namespace KpiMonitor.Testing;

/// <summary>
/// A private <c>influxd</c> (1.x) in a temp folder on two free loopback ports, so tests and benchmarks
/// use the real server without touching a system instance. Logs go to <see cref="LogPath"/>.
/// </summary>
public sealed class InfluxdServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _executable;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    private InfluxdServer(string executable, string directory, int httpPort, int bindPort)
    {
        _executable = executable;
        Directory = directory;
        HttpPort = httpPort;
        BindPort = bindPort;
        Url = new Uri($"http://127.0.0.1:{httpPort}");
    }

    /// <summary>The HTTP API, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>Temp folder holding the configuration, data, WAL, meta and the log.</summary>
    public string Directory { get; }

    public int HttpPort { get; }

    /// <summary>Port of the backup/RPC service (top-level <c>bind-address</c>); its default 8088 would clash between instances.</summary>
    public int BindPort { get; }

    public string ConfigPath => Path.Combine(Directory, "influxd.conf");

    public string LogPath => Path.Combine(Directory, "influxd.log");

    /// <summary>Process id of the running server, or null when stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Finds influxd, writes a configuration, starts the server and waits until it answers <c>/ping</c>.</summary>
    public static async Task<InfluxdServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string executable = FindOnPath("influxd") ?? throw new InvalidOperationException(
            "Không tìm thấy influxd trên PATH. Hãy chạy script kiểm thử (nó cài gói Debian 'influxdb': apt-get install -y influxdb). " +
            "influxd is not on PATH: run the test script, which installs the Debian package 'influxdb'.");
        string directory = System.IO.Directory.CreateTempSubdirectory("kpimonitor-influxd-").FullName;
        var (httpPort, bindPort) = TwoFreePorts();
        var server = new InfluxdServer(executable, directory, httpPort, bindPort);
        try
        {
            string defaults = await RunAsync(executable, "config", cancellationToken);
            await File.WriteAllTextAsync(server.ConfigPath, InfluxdConfig.Rewrite(defaults, directory, httpPort, bindPort), cancellationToken);
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server (as a crash would) and waits for it; data folder and ports are kept.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }

        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    /// <summary>Starts the server again on the same folder and ports.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default) =>
        IsRunning ? throw new InvalidOperationException("influxd đang chạy.") : LaunchAsync(cancellationToken);

    /// <summary>Runs <c>CREATE DATABASE</c>.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent([new("q", $"CREATE DATABASE {InfluxQl.Identifier(name)}")]);
        using var response = await _http.PostAsync(new Uri(Url, "/query"), content, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"CREATE DATABASE {name} failed: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>The last lines of the server's log, for failure messages.</summary>
    public string LogTail(int lines = 30)
    {
        lock (_logLock)
        {
            _log?.Flush();
        }

        if (!File.Exists(LogPath))
        {
            return "(no log)";
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        for (int attempt = 0; attempt < 5 && System.IO.Directory.Exists(Directory); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException) when (attempt < 4)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _log = new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "-config", ConfigPath },
        };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with code {process.ExitCode} while starting. Log {LogPath}:\n{LogTail()}");
            }

            try
            {
                using var ping = await _http.GetAsync(new Uri(Url, "/ping"), cancellationToken);
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                await StopAsync();
                throw new TimeoutException($"influxd did not answer /ping on {Url} within {StartTimeout.TotalSeconds} s. Log {LogPath}:\n{LogTail()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static (int Http, int Bind) TwoFreePorts()
    {
        // Both listeners stay open until both ports are known, so the two cannot be the same.
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        try
        {
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }

    private static async Task<string> RunAsync(string executable, string argument, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, argument)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 && output.Length > 0
            ? output
            : throw new InvalidOperationException($"'{executable} {argument}' failed ({process.ExitCode}): {await stderr}");
    }
}
