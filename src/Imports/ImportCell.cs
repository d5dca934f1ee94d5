using System.Globalization;

namespace KpiMonitor.Imports;

/// <summary>
/// One cell as the file holds it: the trimmed text, plus the number when a spreadsheet stored a number
/// (so a number cell is never re-read through the text rules with their separator ambiguity).
/// </summary>
internal readonly record struct ImportCell(string Text, double? Number)
{
    public static ImportCell Empty { get; } = new("", null);

    public bool IsEmpty => Number is null && Text.Length == 0;

    public static ImportCell FromText(string? text) => new(text?.Trim() ?? "", null);

    public static ImportCell FromNumber(double number) => new(number.ToString("R", CultureInfo.InvariantCulture), number);
}
