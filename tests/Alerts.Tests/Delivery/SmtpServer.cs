using System.Diagnostics;
using System.Net.Sockets;
using KpiMonitor.Testing;
using MimeKit;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd with its Maildir handler) on a port fixed up front, which can be stopped and
/// started again on the same port and Maildir: a mail server that goes down and comes back, for restart and
/// end-to-end tests. Until <see cref="ListenAsync"/> nobody listens on <see cref="Port"/>, so a send is refused.
/// Also compiled into the benchmarks (no xunit there).
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-smtp-").FullName;
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    private string Maildir => Path.Combine(_folder, "maildir");

    /// <summary>A server already listening on a free loopback port.</summary>
    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer();
        await server.ListenAsync();
        return server;
    }

    /// <summary>Starts listening on <see cref="Port"/> (again, after <see cref="StopAsync"/>), on the same Maildir.</summary>
    public async Task ListenAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: scripts/test.sh installs python3-aiosmtpd");
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.WaitUntilAsync(Accepts, "aiosmtpd listening on its port", TimeSpan.FromSeconds(20));
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        if (!await LoopbackPort.WaitUntilFreeAsync(Port, TimeSpan.FromSeconds(10), CancellationToken.None))
        {
            throw new InvalidOperationException($"port {Port} still taken after aiosmtpd stopped");
        }
    }

    /// <summary>Every mail received so far, parsed by MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        string folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f))] : [];
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private bool Accepts()
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}: is python3-aiosmtpd installed?");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
