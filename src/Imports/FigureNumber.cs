using System.Globalization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Numbers written as text. Two conventions are accepted, and nothing else:
/// invariant ("12.5", "1234") and Vietnamese ("12,5", "1.234", "1.234.567", "1.234,5": '.' groups thousands, ',' is
/// the decimal separator). They overlap in exactly one shape: one dot followed by exactly three digits after a
/// plain 1–3 digit integer part ("1.234", "12.500", "-5.000"), which is 1234 for a Vietnamese reader and 1.234
/// for an invariant one. Guessing would make one of them silently wrong by a factor of a thousand in a report
/// to leadership, so that shape is refused with a message saying how to write either meaning. A comma is always
/// the decimal separator ("1,234" is 1.234); English thousands commas ("1,234,567") are refused.
/// Number cells of a spreadsheet never come here: they are numbers already.
/// </summary>
public static class FigureNumber
{
    /// <summary>Null when <paramref name="text"/> (as typed in a form) is a number by these rules, otherwise why not.</summary>
    public static string? TryParse(string? text, out double value) => TryParse(new ImportCell((text ?? "").Trim(), null), out value);

    /// <summary>Null when <paramref name="cell"/> is a number (then in <paramref name="value"/>), otherwise why not.</summary>
    internal static string? TryParse(ImportCell cell, out double value)
    {
        value = 0;
        if (cell.Number is { } number)
        {
            value = number;
            return null;
        }

        string text = cell.Text;
        string body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]) || body.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or ',')))
        {
            return SharedText.Format("number.bad", text);
        }

        int dots = body.Count(c => c == '.'), commas = body.Count(c => c == ',');
        string? invariant = (dots, commas) switch
        {
            (0, 0) => body,
            (0, 1) => body.Replace(',', '.'),
            (1, 0) when IsAmbiguous(body) => null,
            (1, 0) => body,
            (_, 0) => IsGrouped(body) ? body.Replace(".", "", StringComparison.Ordinal) : "",
            (_, 1) when body.IndexOf(',', StringComparison.Ordinal) > body.LastIndexOf('.') && IsGrouped(body[..body.IndexOf(',', StringComparison.Ordinal)]) =>
                body.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'),
            _ => "",
        };

        if (invariant is null)
        {
            return SharedText.Format("number.ambiguous", text, text.Replace(".", "", StringComparison.Ordinal), text.Replace('.', ','));
        }

        if (invariant.Length == 0 || !double.TryParse(text[..(text.Length - body.Length)] + invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return SharedText.Format("number.badHint", text);
        }

        return null;
    }

    /// <summary>One dot, three digits after it, and before it an integer part that could be a Vietnamese thousands group.</summary>
    private static bool IsAmbiguous(string body)
    {
        int dot = body.IndexOf('.', StringComparison.Ordinal);
        return body.Length - dot - 1 == 3 && dot is >= 1 and <= 3 && body[0] != '0';
    }

    /// <summary>"1.234.567": a first group of 1–3 digits not starting with 0, then groups of exactly 3.</summary>
    private static bool IsGrouped(string integerPart)
    {
        string[] groups = integerPart.Split('.');
        return groups[0].Length is >= 1 and <= 3 && (groups[0][0] != '0' || groups.Length == 1)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit))
            && groups[0].All(char.IsAsciiDigit);
    }
}
