using System.Globalization;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Text;

/// <summary>
/// Numbers, percentages and periods as people read them, in one place for pages, charts, exports, manual entry and
/// any process without an HTTP request (mail, reports): vi-VN "1.953.613", "43,2 %", en-US "1,953,613", "43.2%".
/// </summary>
/// <remarks>
/// A quarter is written "Q3/2026" in Vietnamese and "Q3 2026" in English, never "Quý 3/2026": it is what the charts
/// have always shown, it is as short as a month ("11/2026") in a table column, and "Q" is how Vietnamese
/// administrative spreadsheets abbreviate a quarter. A month is "11/2026" in tables and "T11/2026" / "Nov 2026" on a
/// chart axis, where the bare numbers would read as a fraction.
/// </remarks>
public static class TextFormat
{
    private const string Missing = "—";

    /// <summary>A count, "1.953.613" (vi-VN) or "1,953,613" (en-US).</summary>
    public static string Count(long value, CultureInfo culture) => value.ToString("N0", culture);

    /// <summary>A duration in seconds with one decimal, "3,4" (vi-VN).</summary>
    public static string Seconds(TimeSpan duration, CultureInfo culture) => duration.TotalSeconds.ToString("N1", culture);

    /// <summary>A KPI value: "43,2 %" or "1.953" (vi-VN), "43.2%" (en-US); whole numbers without decimals; "—" when missing.</summary>
    public static string Number(double? value, bool percentage, CultureInfo culture)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        return percentage
            ? Percent(v, culture)
            : Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", culture) : v.ToString("N1", culture);
    }

    /// <summary>A percentage with one decimal: "43,2 %" (vi-VN, a space before the sign as Vietnamese writes it), "43.2%" (en-US).</summary>
    public static string Percent(double value, CultureInfo culture) =>
        value.ToString("N1", culture) + (Cultures.IsEnglish(culture) ? "%" : " %");

    /// <summary>
    /// A figure as a written report states it, two decimals as the seed reports write rates: "99,60 %", "5.369",
    /// "72,50" (vi-VN); "99.60%", "5,369" (en-US); whole counts without decimals; "—" when missing.
    /// </summary>
    public static string Precise(double? value, bool percentage, CultureInfo culture)
    {
        if (value is not { } v)
        {
            return Missing;
        }

        if (percentage)
        {
            return v.ToString("N2", culture) + (Cultures.IsEnglish(culture) ? "%" : " %");
        }

        return Math.Abs(v - Math.Round(v)) < 1e-9 ? v.ToString("N0", culture) : v.ToString("N2", culture);
    }

    /// <summary>A chart axis tick: as many decimals as the tick needs, at most two, never "-0": "43,24 %", "1.953.613".</summary>
    public static string Tick(double value, bool percentage, CultureInfo culture)
    {
        var rounded = Math.Round(value, 2);
        var text = (Math.Abs(rounded) < 1e-9 ? 0 : rounded).ToString("#,##0.##", culture);
        return percentage ? text + " %" : text;
    }

    /// <summary>A chart bar's label: one decimal for percentages (they align in a column), whole numbers for counts.</summary>
    public static string BarValue(double value, bool percentage, CultureInfo culture)
    {
        var format = percentage ? "#,##0.0" : Math.Abs(value) < 10 ? "#,##0.#" : "#,##0";
        var text = value.ToString(format, culture);
        return percentage ? text + " %" : text;
    }

    /// <summary>An instant as Vietnamese local time, "23/11/2026 14:05"; "—" when missing.</summary>
    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.ToLocal(i).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : Missing;

    /// <summary>The Vietnamese calendar date of an instant, "01/11/2026"; "—" when missing.</summary>
    public static string Date(DateTimeOffset? instant) =>
        instant is { } i ? VietnamTime.DateOf(i).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A period as a table or a message writes it: "11/2026", "Q3/2026" ("Q3 2026" in English), "2026", "15/10/2026".</summary>
    public static string Period(DateOnly firstDay, PeriodGranularity granularity, CultureInfo culture) => granularity switch
    {
        PeriodGranularity.Month => firstDay.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        PeriodGranularity.Quarter => Quarter(firstDay, culture),
        PeriodGranularity.Year => firstDay.Year.ToString(CultureInfo.InvariantCulture),
        _ => firstDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>A period of a KPI as a table or a message writes it, a half-year as "H2/2026" ("H2 2026" in English).</summary>
    public static string Period(DateOnly firstDay, ReportingPeriod period, CultureInfo culture) => period switch
    {
        ReportingPeriod.HalfYearly => string.Create(
            CultureInfo.InvariantCulture, $"H{((firstDay.Month - 1) / 6) + 1}{YearSeparator(culture)}{firstDay.Year}"),
        _ => Period(firstDay, period.OwnGranularity(), culture),
    };

    /// <summary>A period on a chart axis: "T10/2026" / "Oct 2026", "Q4/2026" / "Q4 2026", "2026", "15/10/2026" / "15 Oct 2026".</summary>
    public static string AxisPeriod(DateOnly firstDay, PeriodGranularity granularity, CultureInfo culture)
    {
        var inv = CultureInfo.InvariantCulture;
        bool english = Cultures.IsEnglish(culture);
        return granularity switch
        {
            PeriodGranularity.Month when english => firstDay.ToString("MMM yyyy", inv),
            PeriodGranularity.Month => string.Create(inv, $"T{firstDay.Month}/{firstDay.Year}"),
            PeriodGranularity.Quarter => Quarter(firstDay, culture),
            PeriodGranularity.Year => firstDay.Year.ToString(inv),
            _ when english => firstDay.ToString("d MMM yyyy", inv),
            _ => firstDay.ToString("dd/MM/yyyy", inv),
        };
    }

    private static string Quarter(DateOnly day, CultureInfo culture) =>
        string.Create(CultureInfo.InvariantCulture, $"Q{((day.Month - 1) / 3) + 1}{YearSeparator(culture)}{day.Year}");

    private static string YearSeparator(CultureInfo culture) => Cultures.IsEnglish(culture) ? " " : "/";
}
