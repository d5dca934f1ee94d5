using System.Globalization;
using KpiMonitor.Dashboard.Localization;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>
/// Common Quartz schedules (seconds first) in words: every n minutes, hourly or every n hours at a minute, daily at
/// given hours. Anything else returns null and the page shows the expression itself.
/// </summary>
public static class CronText
{
    public static string? Describe(string cron, CultureInfo culture)
    {
        string[] f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 6 or > 7 || f[0] != "0" || f[3] is not ("*" or "?") || f[4] != "*" || f[5] is not ("*" or "?")
            || (f.Length == 7 && f[6] != "*"))
        {
            return null;
        }

        string minute = f[1], hour = f[2];
        if (hour == "*" && Every(minute) is { } minutes)
        {
            return UiText.Format("cron.minutes", culture, minutes);
        }

        if (!Number(minute, 59, out int m))
        {
            return null;
        }

        if (hour == "*")
        {
            return UiText.Format("cron.hourly", culture, m);
        }

        if (Every(hour) is { } hours)
        {
            return UiText.Format("cron.hours", culture, hours, m);
        }

        var at = new List<string>();
        foreach (string h in hour.Split(','))
        {
            if (!Number(h, 23, out int value))
            {
                return null;
            }

            at.Add(string.Create(CultureInfo.InvariantCulture, $"{value:00}:{m:00}"));
        }

        return UiText.Format("cron.daily", culture, string.Join(", ", at));
    }

    /// <summary>"*/n" (or "0/n") → n.</summary>
    private static int? Every(string field)
    {
        string[] parts = field.Split('/');
        return parts.Length == 2 && parts[0] is "*" or "0" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 1
            ? n
            : null;
    }

    private static bool Number(string field, int max, out int value) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
}
