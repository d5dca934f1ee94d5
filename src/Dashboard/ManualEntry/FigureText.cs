using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>A manual figure as text: as people read it (table, audit trail) and as the form's inputs hold it.</summary>
public static class FigureText
{
    /// <summary>"54,1 % (20/37)" for a ratio, "27" or "43,2 %" otherwise.</summary>
    public static string Show(KpiDefinition kpi, double? value, double? numerator, double? denominator, bool english) =>
        numerator is { } n && denominator is { } d
            ? $"{Ui.Number(value, true, english)} ({n.ToString("N0", Ui.Culture(english))}/{d.ToString("N0", Ui.Culture(english))})"
            : Ui.Number(value, kpi.IsPercentage, english);

    /// <summary>
    /// A number the form reads back unchanged: no thousands separator (the form takes both ',' and '.' as the decimal
    /// mark), the reader's decimal mark, no exponent.
    /// </summary>
    public static string Input(double? number, bool english) =>
        number is { } n ? n.ToString("0.##########", Ui.Culture(english)) : "";
}
