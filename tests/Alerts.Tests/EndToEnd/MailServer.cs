using System.Diagnostics;
using System.Net.Sockets;
using KpiMonitor.Testing;
using MimeKit;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd with its Maildir handler) on a port fixed up front, which can be stopped and
/// started again on the same port and Maildir: a mail server that goes down and comes back, for restart and
/// end-to-end tests. Until <see cref="StartAsync"/> nobody listens on <see cref="Port"/>, so a send is refused.
/// </summary>
public sealed class MailServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-mail-").FullName;
    private Process? _process;

    public int Port { get; } = LoopbackPort.Free();

    private string Maildir => Path.Combine(_folder, "maildir");

    public async Task StartAsync()
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
        Assert.True(await LoopbackPort.WaitUntilFreeAsync(Port, TimeSpan.FromSeconds(10), CancellationToken.None), $"port {Port} still taken");
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
