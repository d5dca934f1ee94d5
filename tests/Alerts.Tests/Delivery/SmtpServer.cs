using System.Diagnostics;
using System.Net.Sockets;
using KpiMonitor.Testing;
using MimeKit;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>
/// A real SMTP server on a loopback port: Debian's aiosmtpd (run by Debian's own interpreter) with its Mailbox handler,
/// which keeps every received mail in a Maildir.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-smtp-").FullName;

    private SmtpServer(int port)
    {
        Port = port;
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    private string Maildir => Path.Combine(_folder, "maildir");

    public static async Task<SmtpServer> StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: scripts/test.sh installs python3-aiosmtpd");
        }

        var server = new SmtpServer(LoopbackPort.Free());
        await Eventually.WaitUntilAsync(server.Accepts, "aiosmtpd listening on its port", TimeSpan.FromSeconds(20));
        return server;
    }

    /// <summary>Every mail received so far, parsed by MimeKit.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        string folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => MimeMessage.Load(f))] : [];
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private bool Accepts()
    {
        if (_process.HasExited)
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
