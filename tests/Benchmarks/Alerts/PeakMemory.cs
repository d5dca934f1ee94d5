using System.Globalization;

namespace KpiMonitor.Benchmarks.Alerts;

/// <summary>
/// This process's resident memory from <c>/proc/self/status</c>. The peak (VmHWM) can be reset (<c>clear_refs</c> 5), so
/// the figure covers the alerting work only, not the loading of the history that came before it in the same process.
/// </summary>
public static class PeakMemory
{
    /// <summary>Resets VmHWM to the current RSS; false where the kernel does not allow it (the peak then includes the load).</summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>(VmRSS, VmHWM) in bytes.</summary>
    public static (long Rss, long Peak) Read()
    {
        long rss = 0, peak = 0;
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
