using System.Globalization;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// The period of a manual figure as people type it in the form and in links: <c>yyyy-MM</c> (a month) or <c>yyyy</c>
/// (a year), meaning the first day of the KPI's reporting period that contains it.
/// </summary>
public static class ManualPeriod
{
    /// <summary>The import rules' range: outside it a year is a typing mistake, and year 1 would not even convert to UTC.</summary>
    public const int MinYear = 1970;
    public const int MaxYear = 2200;

    /// <summary>How many periods the "current figures" table goes back, the current one included.</summary>
    public const int Recent = 12;

    private static readonly string[] Formats = ["yyyy-MM", "yyyy"];

    /// <summary>The first day of the month or year <paramref name="text"/> names; false when it names none of the range.</summary>
    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day.Year is >= MinYear and <= MaxYear;

    /// <summary>The first day of the KPI's period named by <paramref name="text"/>; false when it names no month or year of the range.</summary>
    public static bool TryParse(string? text, ReportingPeriod period, out DateOnly firstDay)
    {
        bool parsed = TryParse(text, out var day);
        firstDay = parsed ? period.FirstDayOf(day) : default;
        return parsed;
    }

    /// <summary>The text <see cref="TryParse(string?, ReportingPeriod, out DateOnly)"/> reads back: "2026" for a yearly KPI, "2026-11" otherwise.</summary>
    public static string Format(ReportingPeriod period, DateOnly firstDay) =>
        firstDay.ToString(period == ReportingPeriod.Yearly ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The period as a table shows it: "2026", "Q3/2026", "11/2026" (see <see cref="TextFormat.Period(DateOnly, ReportingPeriod, CultureInfo)"/>).</summary>
    public static string Label(ReportingPeriod period, DateOnly firstDay, CultureInfo culture) =>
        TextFormat.Period(period.FirstDayOf(firstDay), period, culture);

    /// <summary>The first days of the last <paramref name="count"/> periods up to the one containing <paramref name="today"/>, newest first.</summary>
    public static IReadOnlyList<DateOnly> Last(ReportingPeriod period, DateOnly today, int count)
    {
        var days = new List<DateOnly>(count);
        var day = period.FirstDayOf(today);
        for (int i = 0; i < count; i++)
        {
            days.Add(day);
            day = period.FirstDayOf(day.AddDays(-1));
        }

        return days;
    }
}
