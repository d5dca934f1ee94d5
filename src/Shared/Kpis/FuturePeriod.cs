using System.Globalization;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Shared.Kpis;

/// <summary>
/// Figures exist up to the period in progress (the month, quarter or year containing today in Vietnam), which the
/// dashboard shows as provisional; a later period has no figure yet, so one typed or imported for it (2200-12) is a
/// mistake and is refused, by the upload, the drop folder and the form alike.
/// </summary>
public static class FuturePeriod
{
    /// <summary>Null when the period starting <paramref name="firstDay"/> has begun by <paramref name="now"/>, otherwise why it is refused, in the current UI culture's language (Vietnamese unless it is English).</summary>
    public static string? Problem(ReportingPeriod period, DateOnly firstDay, DateTimeOffset now)
    {
        var current = period.FirstDayOf(VietnamTime.DateOf(now));
        return period.FirstDayOf(firstDay) <= current
            ? null
            : SharedText.Format("period.future", Label(period, firstDay), Label(period, current));
    }

    private static string Label(ReportingPeriod period, DateOnly day) => TextFormat.Period(period.FirstDayOf(day), period, CultureInfo.CurrentUICulture);
}
