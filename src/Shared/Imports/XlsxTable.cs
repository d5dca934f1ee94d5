using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KpiMonitor.Shared.Imports;

/// <summary>
/// Reads the first worksheet of an .xlsx file row by row (SAX, so a large sheet is never held as a DOM).
/// Shared strings, inline strings, formula results and numbers are understood; a number formatted as a
/// percentage is read as the person sees it (0,4324 shown as 43,24 % becomes 43.24).
/// </summary>
internal static class XlsxTable
{
    /// <summary>Bounds what a small compressed file may expand to (zip bombs); far above 100,000 real rows.</summary>
    private const long MaxCharactersInPart = 200_000_000;

    public static ImportTable Read(Stream content, int maxRows)
    {
        using var document = SpreadsheetDocument.Open(content, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        var workbook = document.WorkbookPart;
        var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>()
            .Select(s => s.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null)
            .FirstOrDefault(p => p is not null);
        if (workbook is null || sheet is null)
        {
            return ImportTable.Fail("tệp Excel không có trang tính (worksheet) nào");
        }

        var strings = SharedStrings(workbook);
        var percentStyles = XlsxPercentStyles.Read(workbook);
        var rows = new List<ImportRow>();
        int previousRow = 0;
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement || reader.LoadCurrentElement() is not Row row)
            {
                continue;
            }

            int number = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = number;
            var cells = Cells(row, strings, percentStyles);
            if (!ImportRow.AllEmpty(cells))
            {
                rows.Add(new ImportRow(number, cells));
                if (rows.Count > maxRows)
                {
                    return ImportTable.Fail(ImportTable.TooManyRows(maxRows - 1));
                }
            }
        }

        return ImportTable.Of(rows);
    }

    private static List<ImportCell> Cells(Row row, List<string> strings, HashSet<uint> percentStyles)
    {
        var cells = new List<ImportCell>();
        foreach (var cell in row.Elements<Cell>())
        {
            int column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column)
            {
                cells.Add(ImportCell.Empty);
            }

            var value = Value(cell, strings, percentStyles);
            if (column < cells.Count)
            {
                cells[column] = value;
            }
            else
            {
                cells.Add(value);
            }
        }

        return cells;
    }

    private static ImportCell Value(Cell cell, List<string> strings, HashSet<uint> percentStyles)
    {
        string? raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < strings.Count
                ? ImportCell.FromText(strings[i])
                : ImportCell.FromText(raw);
        }

        if (type == CellValues.InlineString)
        {
            return ImportCell.FromText(cell.InlineString is { } inline ? ItemText(inline) : raw);
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                ? ImportCell.FromNumber(date.ToOADate())
                : ImportCell.FromText(raw);
        }

        if (type is null || type == CellValues.Number)
        {
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                return ImportCell.FromText(raw);
            }

            bool percent = cell.StyleIndex?.Value is { } style && percentStyles.Contains(style);
            return ImportCell.FromNumber(percent ? TimesHundred(number) : number);
        }

        // Booleans, errors such as #N/A and formula strings: their text, which the row rules then judge.
        return ImportCell.FromText(raw);
    }

    /// <summary>Through decimal, so 0.4324 becomes exactly 43.24 and not 43.239999999999995.</summary>
    private static double TimesHundred(double value) =>
        Math.Abs(value) < 1e15 ? (double)((decimal)value * 100m) : value * 100;

    /// <summary>"AB12" → 27; null when the reference is missing or malformed.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column < 20_000; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i > 0 && column <= 16_384 ? column - 1 : null;
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement
                && reader.LoadCurrentElement() is SharedStringItem item)
            {
                strings.Add(ItemText(item));
            }
        }

        return strings;
    }

    /// <summary>Plain text, or the runs of rich text; phonetic guides (rPh) are not part of the value.</summary>
    private static string ItemText(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
}
