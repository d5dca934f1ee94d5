using System.Globalization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// The period column: "2024-01", "2024-01-15", "01/2024", "15/01/2024" or "2024" as text, or a date cell of a
/// spreadsheet (an OADate serial number). A month or year means its first day. A whole number 1970–2200 in a
/// number cell is a year: as an OADate it would be a day in 1905, which nobody means.
/// </summary>
internal static class FigurePeriod
{
    private const int MinYear = 1970;
    private const int MaxYear = 2200;

    private static readonly string[] Formats = ["yyyy-MM", "yyyy-MM-dd", "MM/yyyy", "M/yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy"];

    /// <summary>Null when <paramref name="cell"/> names a day (then in <paramref name="day"/>), otherwise why not.</summary>
    public static string? TryParse(ImportCell cell, out DateOnly day)
    {
        day = default;
        if (cell.Number is { } number)
        {
            if (number == Math.Floor(number) && number is >= MinYear and <= MaxYear)
            {
                day = new DateOnly((int)number, 1, 1);
                return null;
            }

            // Excel's serial day 25569 is 1 January 1970 and 110600 is in 2202; outside that it is no date of ours.
            if (number is < 25569 or > 110600)
            {
                return SharedText.Format("period.badNumber", cell.Text);
            }

            day = DateOnly.FromDateTime(DateTime.FromOADate(number));
        }
        else if (DateTime.TryParseExact(cell.Text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = DateOnly.FromDateTime(parsed);
        }
        else
        {
            return SharedText.Format("period.bad", cell.Text);
        }

        return day.Year is < MinYear or > MaxYear ? SharedText.Format("period.outOfRange", cell.Text, MinYear.ToString(CultureInfo.InvariantCulture), MaxYear.ToString(CultureInfo.InvariantCulture)) : null;
    }
}
