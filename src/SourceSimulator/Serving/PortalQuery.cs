using System.Globalization;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>nam=yyyy&amp;thang=M</c> of the national portal (a month written with or without a leading zero).</summary>
internal readonly record struct PortalQuery(MonthPeriod Period)
{
    public static bool TryParse(IQueryCollection query, out PortalQuery result, out string error)
    {
        result = default;
        if (!int.TryParse(query["nam"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year is < 2000 or > 2100
            || !int.TryParse(query["thang"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12)
        {
            error = "nam (yyyy) and thang (1–12) are required.";
            return false;
        }

        error = "";
        result = new PortalQuery(new MonthPeriod(year, month));
        return true;
    }
}
