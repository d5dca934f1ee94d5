using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>
/// A built program of src/ (the collector, the alerting service) run as its own process, as an operator runs it:
/// settings as environment variables, a working folder of its own, its console output kept for failure messages.
/// </summary>
public sealed class ProgramProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ProgramProcess(string project, string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Name = project;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The program of <c>src/{project}</c> built in the configuration the tests were built in.</summary>
    public static string Dll(string project, string assembly)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepoPaths.Root, "src", project, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is not built: dotnet build tests/Alerts.Tests -c {configuration}", dll);
    }

    public static ProgramProcess Start(string project, string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(project, Dll(project, assembly), workingDirectory, environment, args);

    /// <summary>Runs the program to its end (a one-shot command) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string project, string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var process = Start(project, assembly, workingDirectory, environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // the output streams are drained only then
        return (process._process.ExitCode, process.Output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
