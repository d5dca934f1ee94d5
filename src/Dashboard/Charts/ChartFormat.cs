using System.Globalization;

namespace KpiMonitor.Dashboard.Charts;

// Numbers as leaders read them: vi-VN "43,2 %" and "1.953.613"; en-US "43.2 %" and "1,953,613".
internal static class ChartFormat
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static CultureInfo Culture(bool english) => english ? English : Vietnamese;

    // Axis ticks: as many decimals as the tick needs, at most two.
    public static string Tick(double value, bool percentage, bool english)
    {
        var rounded = Math.Round(value, 2);
        var text = (Math.Abs(rounded) < 1e-9 ? 0 : rounded).ToString("#,##0.##", Culture(english)); // never "-0"
        return percentage ? text + " %" : text;
    }

    // Bar-end labels: one decimal for percentages (aligned in a column), whole numbers for counts.
    public static string Value(double value, bool percentage, bool english)
    {
        var format = percentage ? "#,##0.0" : Math.Abs(value) < 10 ? "#,##0.#" : "#,##0";
        var text = value.ToString(format, Culture(english));
        return percentage ? text + " %" : text;
    }

    // Long unit names ("Ủy ban nhân dân xã …, huyện …") are abbreviated, then cut on a word boundary with an ellipsis.
    public static string Truncate(string text, int maxChars)
    {
        var trimmed = text.Normalize().Trim();
        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }

        // "UBND" is how Vietnamese documents themselves shorten "Ủy ban nhân dân" (also spelt "Uỷ").
        trimmed = trimmed.Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal)
            .Replace("Uỷ ban nhân dân", "UBND", StringComparison.Ordinal);
        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }

        var cut = trimmed[..(maxChars - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxChars / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', '-', '–') + "…";
    }
}
