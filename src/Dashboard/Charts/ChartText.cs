using System.Globalization;
using KpiMonitor.Dashboard.Localization;

namespace KpiMonitor.Dashboard.Charts;

// The few words the charts draw themselves, in the culture the chart is drawn for.
internal static class ChartText
{
    public static string Value(CultureInfo culture) => UiText.Get("chart.value", culture);

    public static string InProgress(CultureInfo culture) => UiText.Get("chart.inProgress", culture);

    public static string Target(CultureInfo culture) => UiText.Get("chart.target", culture);

    public static string WarningBand(CultureInfo culture) => UiText.Get("chart.warningBand", culture);

    public static string NoData(CultureInfo culture) => UiText.Get("chart.noData", culture);

    public static string NoFigure(CultureInfo culture) => UiText.Get("chart.noFigure", culture);

    public static string MoreUnits(int shown, int total, CultureInfo culture) => UiText.Format("chart.moreUnits", culture, shown, total);
}
