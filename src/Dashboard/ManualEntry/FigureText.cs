using System.Globalization;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>A manual figure as text: as people read it (table, audit trail) and as the form's inputs hold it.</summary>
public static class FigureText
{
    /// <summary>"54,1 % (20/37)" for a ratio, "27" or "43,2 %" otherwise.</summary>
    public static string Show(KpiDefinition kpi, double? value, double? numerator, double? denominator, CultureInfo culture) =>
        numerator is { } n && denominator is { } d
            ? $"{TextFormat.Number(value, true, culture)} ({n.ToString("N0", culture)}/{d.ToString("N0", culture)})"
            : TextFormat.Number(value, kpi.IsPercentage, culture);

    /// <summary>
    /// A number the form reads back unchanged: no thousands separator (the form takes both ',' and '.' as the decimal
    /// mark), the reader's decimal mark, no exponent.
    /// </summary>
    public static string Input(double? number, CultureInfo culture) =>
        number is { } n ? n.ToString("0.##########", culture) : "";
}
