using System.Globalization;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Charts;

// Periods are placed at whole numbers (one per period, evenly spaced whatever the month length), so a
// period spans [x − 0.5, x + 0.5) and a target step changes exactly between two periods.
internal static class PeriodAxis
{
    public static int Index(DateOnly period, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => period.DayNumber,
        PeriodGranularity.Week => PeriodBucket.Floor(period, PeriodGranularity.Week).DayNumber / 7,
        PeriodGranularity.Month => (period.Year * 12) + period.Month - 1,
        PeriodGranularity.Quarter => (period.Year * 4) + ((period.Month - 1) / 3),
        PeriodGranularity.Year => period.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
    };

    public static DateOnly Period(int index, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => DateOnly.FromDayNumber(index),
        PeriodGranularity.Week => DateOnly.FromDayNumber(index * 7),
        PeriodGranularity.Month => new DateOnly(index / 12, (index % 12) + 1, 1),
        PeriodGranularity.Quarter => new DateOnly(index / 4, ((index % 4) * 3) + 1, 1),
        PeriodGranularity.Year => new DateOnly(index, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity)),
    };

    public static string Label(DateOnly period, PeriodGranularity granularity, CultureInfo culture) =>
        TextFormat.AxisPeriod(period, granularity, culture);

    // Major ticks every `step` periods, aligned on calendar boundaries (quarters, years) because the index
    // of January is a multiple of 12; a minor tick on every period when there is room for it.
    public static ScottPlot.Tick[] Ticks(
        int first, int last, PeriodGranularity granularity, CultureInfo culture, float plotWidthPx)
    {
        var sample = Label(Period(last, granularity), granularity, culture);
        var labelPx = (sample.Length * 7.5f) + 18f;
        var fits = Math.Max(1, (int)(plotWidthPx / labelPx));
        var count = last - first + 1;
        var step = Steps(granularity).FirstOrDefault(s => (count + s - 1) / s <= fits, int.MaxValue);
        if (step == int.MaxValue)
        {
            step = (int)Math.Ceiling(count / (double)fits);
        }

        var majors = Enumerable.Range(first, count).Where(i => IsMajor(i, step, granularity)).ToList();
        if (majors.Count == 0)
        {
            majors.Add(first);
        }

        var minors = step > 1 && count <= plotWidthPx / 6 ? Enumerable.Range(first, count).Except(majors) : [];
        return
        [
            .. majors.Select(i => ScottPlot.Tick.Major(i, Label(Period(i, granularity), granularity, culture))),
            .. minors.Select(i => ScottPlot.Tick.Minor(i)),
        ];
    }

    // Daily series thinned to a month or more are labelled on the 1st of a month, not every 28th day.
    private static bool IsMajor(int index, int step, PeriodGranularity granularity)
    {
        if (granularity != PeriodGranularity.Day || step < 28)
        {
            return index % step == 0;
        }

        var day = Period(index, granularity);
        var months = step switch { < 90 => 1, < 180 => 3, < 360 => 6, _ => 12 };
        return day.Day == 1 && ((day.Year * 12) + day.Month - 1) % months == 0;
    }

    private static int[] Steps(PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => [1, 2, 7, 14, 28, 91, 182, 364],
        PeriodGranularity.Week => [1, 2, 4, 13, 26, 52],
        PeriodGranularity.Month => [1, 2, 3, 6, 12, 24, 60],
        PeriodGranularity.Quarter => [1, 2, 4, 8, 20],
        _ => [1, 2, 5, 10, 20, 50],
    };
}
