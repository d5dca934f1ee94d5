using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KpiMonitor.Testing;

/// <summary>Loopback ports for servers that tests and benchmarks start as processes.</summary>
public static class LoopbackPort
{
    /// <summary>A port nobody listens on at the moment.</summary>
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Waits until nobody listens on the port; false when it is still taken after <paramref name="patience"/>.</summary>
    public static async Task<bool> WaitUntilFreeAsync(int port, TimeSpan patience, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!IsFree(port))
        {
            if (clock.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(1000, cancellationToken);
        }

        return true;
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
