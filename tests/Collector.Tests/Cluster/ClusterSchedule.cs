using System.Globalization;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>A cron that fires a known number of times and then never again, so a test can count every firing.</summary>
public static class ClusterSchedule
{
    /// <summary>
    /// <paramref name="count"/> firings <paramref name="spacing"/> seconds apart, the first at least <paramref name="lead"/>
    /// from <paramref name="now"/>, all within one minute of one year (Vietnamese time); returns the cron and the times.
    /// </summary>
    public static (string Cron, IReadOnlyList<DateTimeOffset> Times) Firings(DateTimeOffset now, TimeSpan lead, int count, int spacing)
    {
        var first = VietnamTime.ToLocal(now + lead);
        first = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, first.Minute, first.Second, first.Offset).AddSeconds(1);
        if (first.Second + (spacing * (count - 1)) > 59)
        {
            first = first.AddSeconds(60 - first.Second);
        }

        var times = Enumerable.Range(0, count).Select(i => first.AddSeconds(i * spacing)).ToList();
        string seconds = string.Join(',', times.Select(t => t.Second.ToString(CultureInfo.InvariantCulture)));
        string cron = string.Create(CultureInfo.InvariantCulture, $"{seconds} {first.Minute} {first.Hour} {first.Day} {first.Month} ? {first.Year}");
        return (cron, times.Select(t => t.ToUniversalTime()).ToList());
    }

    /// <summary>A schedule that never fires in a test's lifetime: only the first run of a new source happens.</summary>
    public const string Never = "0 0 3 1 1 ? 2099";
}
