using System.Globalization;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Collector.Sources;

/// <summary>
/// Reads a date a source sends with the formats its mapping names (.NET exact formats, or <c>iso</c> for ISO 8601),
/// as Vietnamese local time: a date without an offset is taken as Vietnamese time, one with an offset (or Z) is
/// converted to it, so the month a date falls in is the Vietnamese month whatever the source's clock.
/// </summary>
public static class SourceDates
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite;

    public static bool TryParse(string text, IReadOnlyList<string> formats, out DateTime local)
    {
        foreach (string format in formats)
        {
            if (string.Equals(format, "iso", StringComparison.OrdinalIgnoreCase) ? TryIso(text, out local) : TryExact(text, format, out local))
            {
                return true;
            }
        }

        local = default;
        return false;
    }

    /// <summary>The formats as a reader of a rejection message sees them.</summary>
    public static string Describe(IReadOnlyList<string> formats) => string.Join(" hoặc ", formats.Select(f => string.Equals(f, "iso", StringComparison.OrdinalIgnoreCase) ? "ISO 8601" : f));

    private static bool TryExact(string text, string format, out DateTime local)
    {
        if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            // A format with an offset (zzz, K) gives a real instant; one without gives Vietnamese wall-clock time.
            bool hasOffset = format.Contains('z', StringComparison.Ordinal) || format.Contains('K', StringComparison.Ordinal);
            local = hasOffset ? VietnamTime.ToLocal(parsed).DateTime : parsed.DateTime;
            return true;
        }

        local = default;
        return false;
    }

    private static bool TryIso(string text, out DateTime local)
    {
        local = default;
        string trimmed = text.Trim();

        // ISO 8601 only: a date first (yyyy-MM-dd), so "10/11/2026" is never read in some culture's order.
        if (trimmed.Length < 10 || trimmed[4] != '-' || trimmed[7] != '-')
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        bool hasOffset = trimmed.Length > 10 && (trimmed.EndsWith('Z') || trimmed.EndsWith('z') || trimmed.LastIndexOfAny(['+', '-']) > 10);
        local = hasOffset ? VietnamTime.ToLocal(parsed).DateTime : parsed.DateTime;
        return true;
    }
}
