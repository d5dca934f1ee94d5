using System.Globalization;
using System.Text.RegularExpressions;

namespace KpiMonitor.Shared.Sources;

/// <summary>
/// The month placeholders of a configured request path: <c>{period}</c> (the month in the source's period format,
/// yyyy-MM unless configured), <c>{year}</c> and <c>{month}</c> (plain numbers). A path without any of them asks the
/// source for no particular month.
/// </summary>
public static partial class PeriodPlaceholders
{
    /// <summary>The placeholders a path may hold (besides <c>{page}</c> for http-json).</summary>
    public static IReadOnlyList<string> Names { get; } = ["{period}", "{year}", "{month}"];

    /// <summary>Whether the path asks for a month.</summary>
    public static bool AsksForMonth(string path) => Names.Any(n => path.Contains(n, StringComparison.Ordinal));

    /// <summary>Every <c>{…}</c> in the path, to check against the known ones.</summary>
    public static IEnumerable<string> All(string path) => Braces().Matches(path).Select(m => m.Value);

    /// <summary>The path for one month (first day of the month in Vietnamese time).</summary>
    public static string Fill(string path, DateOnly month, string periodFormat) => path
        .Replace("{period}", Uri.EscapeDataString(month.ToString(periodFormat, CultureInfo.InvariantCulture)), StringComparison.Ordinal)
        .Replace("{year}", month.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", month.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();
}
