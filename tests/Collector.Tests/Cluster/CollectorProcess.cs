using System.Diagnostics;
using System.Text;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>
/// The collector's own build output run as a scheduled process (no <c>--once</c>) with its own state folder, as one
/// instance of a cluster; its output is kept for the assertions and for a failure's message.
/// </summary>
public sealed class CollectorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private CollectorProcess(string name, string stateDirectory, Process process)
    {
        Name = name;
        StateDirectory = stateDirectory;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string StateDirectory { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Spool segments not yet written to the store.</summary>
    public int SpoolSegments =>
        Directory.Exists(Path.Combine(StateDirectory, "spool")) ? Directory.EnumerateFiles(Path.Combine(StateDirectory, "spool"), "*.jsonl").Count() : 0;

    /// <summary>Starts an instance in <paramref name="root"/> (config/ must be there) with its own state folder.</summary>
    public static CollectorProcess Start(string name, string root, IDictionary<string, string?> environment, params string[] arguments)
    {
        // The collector's own build output, of the same configuration as this test's (its deps.json is its own).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", "Collector", "bin", configuration, "net10.0", "KpiMonitor.Collector.dll");
        string state = Path.Combine(root, "state-" + name);
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Catalog__Directory"] = Path.Combine(root, "config");
        start.Environment["Collector__StateDirectory"] = state;
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        foreach (var (key, value) in CollectorHarness.Secrets)
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new CollectorProcess(name, state, Process.Start(start) ?? throw new InvalidOperationException("could not start the collector"));
    }

    /// <summary>SIGKILL: no shutdown, no hand-over, as when the machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Ctrl+C: the host stops, waiting for the polls in progress.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Lines the instance logged for a finished poll of <paramref name="source"/> ("Nguồn eoffice: 120 điểm …").</summary>
    public int PollsLogged(string source) =>
        Output.Split('\n').Count(l => l.Contains($"Nguồn {source}: ", StringComparison.Ordinal) && l.Contains(" điểm trong ", StringComparison.Ordinal));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                _output.AppendLine(line);
            }
        }
    }
}
