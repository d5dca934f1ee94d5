using System.Globalization;
using System.Resources;

namespace KpiMonitor.Charts;

// The few words the charts draw themselves, in the culture the chart is drawn for: ChartText.resx (Vietnamese, the
// neutral language) and ChartText.en.resx, so the dashboard and the report label their charts alike.
internal static class ChartText
{
    private static readonly ResourceManager Resources = new(typeof(ChartText).FullName!, typeof(ChartText).Assembly);

    public static string Value(CultureInfo culture) => Get("value", culture);

    public static string InProgress(CultureInfo culture) => Get("inProgress", culture);

    public static string Target(CultureInfo culture) => Get("target", culture);

    public static string WarningBand(CultureInfo culture) => Get("warningBand", culture);

    public static string NoData(CultureInfo culture) => Get("noData", culture);

    public static string NoFigure(CultureInfo culture) => Get("noFigure", culture);

    public static string MoreUnits(int shown, int total, CultureInfo culture) => string.Format(culture, Get("moreUnits", culture), shown, total);

    private static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;
}
