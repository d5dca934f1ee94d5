using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Collector.Sources;

/// <summary>The months a poll reads: the current one and a few before it, because late corrections arrive.</summary>
public static class PollWindow
{
    /// <summary>First days of the months to read, oldest first, in Vietnamese time.</summary>
    public static IReadOnlyList<DateOnly> Months(DateTimeOffset now, int count)
    {
        var current = PeriodBucket.Floor(VietnamTime.DateOf(now), PeriodGranularity.Month);
        return Enumerable.Range(0, count).Select(i => current.AddMonths(-(count - 1 - i))).ToList();
    }

    /// <summary>The month as a query parameter, yyyy-MM.</summary>
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
