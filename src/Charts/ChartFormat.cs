using System.Globalization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Charts;

// Numbers as leaders read them: vi-VN "43,2 %" and "1.953.613"; en-US "43.2 %" and "1,953,613".
internal static class ChartFormat
{
    // Axis ticks: as many decimals as the tick needs, at most two.
    public static string Tick(double value, bool percentage, CultureInfo culture) => TextFormat.Tick(value, percentage, culture);

    // Bar-end labels: one decimal for percentages (aligned in a column), whole numbers for counts.
    public static string Value(double value, bool percentage, CultureInfo culture) => TextFormat.BarValue(value, percentage, culture);

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
