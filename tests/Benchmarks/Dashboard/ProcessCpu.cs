using System.Globalization;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>CPU time a process has used so far (user + system), from <c>/proc/PID/stat</c>; zero when it is gone.</summary>
public static class ProcessCpu
{
    public static TimeSpan Of(int? pid)
    {
        string stat = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(stat))
        {
            return TimeSpan.Zero;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks, after the ")" that ends the command name.
        string[] fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }
}
