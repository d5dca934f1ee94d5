using System.Globalization;
using KpiMonitor.Dashboard.ManualEntry;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>The month an overview (page or download) is asked for: <c>yyyy-MM</c>, by default this month.</summary>
public static class OverviewMonth
{
    /// <summary>False for a malformed month or a year outside the import rules' 1970–2200.</summary>
    public static bool TryParse(string? text, DateOnly today, out DateOnly month)
    {
        if (text is null)
        {
            month = new DateOnly(today.Year, today.Month, 1);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
            && month.Year is >= ManualPeriod.MinYear and <= ManualPeriod.MaxYear;
    }
}
