using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>
/// A TCP relay on loopback in front of the real SMTP server: counts the sessions clients open and, when told, ends a
/// session whose client starts a second mail in it (as a server with a limit of one mail per session would).
/// </summary>
public sealed class SmtpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private int _sessions;

    public SmtpRelay(int targetPort, bool oneMailPerSession = false)
    {
        _target = targetPort;
        OneMailPerSession = oneMailPerSession;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool OneMailPerSession { get; }

    public int Sessions => Volatile.Read(ref _sessions);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _sessions);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                using var session = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), countMails: true, session);
                var down = PumpAsync(server.GetStream(), client.GetStream(), countMails: false, session);
                await Task.WhenAny(up, down);
                await session.CancelAsync();
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // The session ended, one way or the other.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool countMails, CancellationTokenSource session)
    {
        var buffer = new byte[8192];
        int mails = 0;
        try
        {
            while (true)
            {
                int read = await from.ReadAsync(buffer, session.Token);
                if (read == 0)
                {
                    return;
                }

                if (countMails && Encoding.ASCII.GetString(buffer, 0, read).Contains("MAIL FROM:", StringComparison.OrdinalIgnoreCase)
                    && ++mails > 1 && OneMailPerSession)
                {
                    return; // the session ends without an answer to the second mail
                }

                await to.WriteAsync(buffer.AsMemory(0, read), session.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other direction ended the session.
        }
    }
}
