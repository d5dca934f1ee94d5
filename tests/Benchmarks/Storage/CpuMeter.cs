using System.Diagnostics;
using System.Globalization;

namespace KpiMonitor.Benchmarks.Storage;

/// <summary>
/// Sums CPU time of this process and of influxd over measured phases. CPU seconds are far less disturbed
/// than wall-clock time by other work on a shared 2-core machine, so they show each side's cost fairly.
/// </summary>
public sealed class CpuMeter(int? serverPid)
{
    private TimeSpan _client;
    private TimeSpan _server;

    public async Task<T> MeasureAsync<T>(Func<Task<T>> action)
    {
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var server = ServerCpu();
        var result = await action();
        _client += Process.GetCurrentProcess().TotalProcessorTime - client;
        _server += ServerCpu() - server;
        return result;
    }

    /// <summary>Client and server CPU together.</summary>
    public TimeSpan Total => _client + _server;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"client {_client.TotalSeconds:0.00} s, influxd {(serverPid is null ? "?" : _server.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture))} s");

    /// <summary>
    /// Waits until influxd has finished the background work (cache snapshots, compactions, Go GC) that the
    /// previous phase left behind, so it is not charged to the next phase, which may be the other side: under 10 % of
    /// one core for 3 s in a row, at most 2 minutes. It compacts in bursts with short pauses, and a single quiet
    /// interval let a burst fall into the national dashboard's first start (influxd CPU until it was ready: 3.2 to 7.6 s
    /// for the same reads). Without a known process it waits a fixed two seconds.
    /// </summary>
    public static async Task<TimeSpan> WaitForIdleAsync(int? serverPid)
    {
        var clock = Stopwatch.StartNew();
        if (serverPid is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            return clock.Elapsed;
        }

        var interval = TimeSpan.FromMilliseconds(300);
        int quiet = 0, needed = (int)(QuietSpan / interval);
        var last = ServerCpu(serverPid);
        while (quiet < needed && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(interval);
            var now = ServerCpu(serverPid);
            quiet = now - last < interval / 10 ? quiet + 1 : 0;
            last = now;
        }

        return clock.Elapsed;
    }

    private static readonly TimeSpan QuietSpan = TimeSpan.FromSeconds(3);

    private TimeSpan ServerCpu() => ServerCpu(serverPid);

    private static TimeSpan ServerCpu(int? serverPid)
    {
        string stat = $"/proc/{serverPid}/stat";
        if (serverPid is null || !File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the command name.
        string[] fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
