using System.Globalization;
using System.Text.RegularExpressions;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Durations as people write them in configuration: <c>30m</c>, <c>4h</c>, <c>1d</c>, <c>1d12h</c>.</summary>
internal static partial class DurationText
{
    public static TimeSpan? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return null;
        }

        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var duration = new TimeSpan(Part("d"), Part("h"), Part("m"), 0);
        return duration > TimeSpan.Zero ? duration : null;
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,5})m)?$")]
    private static partial Regex Pattern();
}
