using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// Reads the first worksheet of an .xlsx file with forward-only XML readers, never a DOM: memory follows the cells
/// that hold something, whatever row and column numbers the file claims. Shared strings, inline strings, formula
/// results and numbers are understood; a number formatted as a percentage is read as the person sees it (0,4324
/// shown as 43,24 % becomes 43.24). Anything malformed (a row numbered -5, a cell reference that is no reference, a
/// shared string that does not exist) refuses the file with the reason, through <see cref="ImportRefusedException"/>.
/// </summary>
internal static class XlsxTable
{
    private const int ExcelColumns = 16_384;

    public static ImportTable Read(byte[] bytes, ImportLimits limits, ImportRowBuilder rows)
    {
        XlsxZipBudget.Check(bytes, limits, rows);
        using var content = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(content, false);
        var workbook = document.WorkbookPart;
        var sheet = workbook is null ? null : FirstWorksheet(workbook, limits);
        if (workbook is null || sheet is null)
        {
            return ImportTable.Fail(SharedText.Get("xlsx.noSheet"));
        }

        var strings = XlsxSharedStrings.Read(workbook.SharedStringTablePart?.GetStream(), limits, rows);
        var percentStyles = XlsxPercentStyles.Read(workbook.WorkbookStylesPart?.GetStream(), limits);
        using var reader = XlsxXml.Open(sheet.GetStream(), limits);
        int previousRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            int number = RowNumber(reader.GetAttribute("r"), previousRow, limits);
            previousRow = number;
            if (!reader.IsEmptyElement)
            {
                ReadCells(reader, number, strings, percentStyles, limits, rows);
            }

            if (rows.EndRow(number) is { } problem)
            {
                return ImportTable.Fail(problem);
            }
        }

        return ImportTable.Of(rows.Rows);
    }

    private static WorksheetPart? FirstWorksheet(WorkbookPart workbook, ImportLimits limits)
    {
        using var reader = XlsxXml.Open(workbook.GetStream(), limits);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet")
            {
                continue;
            }

            // r:id, in whichever relationships namespace (transitional or strict) the file uses.
            for (bool more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
            {
                if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0
                    && workbook.TryGetPartById(reader.Value, out var part) && part is WorksheetPart worksheet)
                {
                    return worksheet;
                }
            }
        }

        return null;
    }

    private static void ReadCells(XmlReader reader, int row, List<string> strings, HashSet<uint> percentStyles, ImportLimits limits, ImportRowBuilder rows)
    {
        int depth = reader.Depth, column = -1;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            string? reference = reader.GetAttribute("r");
            column = reference is null ? column + 1 : ColumnIndex(reference) ?? throw new ImportRefusedException(
                SharedText.Format("xlsx.badReference", row, Clip(reference)));
            string? type = reader.GetAttribute("t");
            string? style = reader.GetAttribute("s");
            string? raw = null, inline = null;
            if (!reader.IsEmptyElement)
            {
                int cellDepth = reader.Depth;
                while (reader.Read() && reader.Depth > cellDepth)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
                    {
                        raw = XlsxXml.ItemText(reader, limits, row, textElement: "v");
                    }
                    else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
                    {
                        inline = XlsxXml.ItemText(reader, limits, row);
                    }
                }
            }

            var value = Value(type, style, raw, inline, strings, percentStyles, row);
            if (rows.Cell(row, column, value) is { } problem)
            {
                throw new ImportRefusedException(problem);
            }
        }
    }

    private static ImportCell Value(string? type, string? style, string? raw, string? inline, List<string> strings, HashSet<uint> percentStyles, int row)
    {
        switch (type)
        {
            case "s" when raw is null:
                return ImportCell.Empty;
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < strings.Count
                    ? ImportCell.FromText(strings[i])
                    : throw new ImportRefusedException(SharedText.Format("xlsx.badSharedString", row, Clip(raw)));
            case "inlineStr":
                return ImportCell.FromText(inline ?? raw);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? ImportCell.FromNumber(date.ToOADate())
                    : ImportCell.FromText(raw);
            case null or "n":
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                {
                    return ImportCell.FromText(raw);
                }

                bool percent = uint.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out uint s) && percentStyles.Contains(s);
                return ImportCell.FromNumber(percent ? TimesHundred(number) : number);
            default:
                // Booleans, errors such as #N/A and formula strings: their text, which the row rules then judge.
                return ImportCell.FromText(raw);
        }
    }

    /// <summary>The row's number: its <c>r</c>, or the one after the previous row; anything else is no worksheet's.</summary>
    private static int RowNumber(string? text, int previous, ImportLimits limits)
    {
        if (text is null)
        {
            return previous + 1;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number < 1)
        {
            throw new ImportRefusedException(SharedText.Format("xlsx.badRowNumber", previous, Clip(text)));
        }

        return number <= limits.MaxRowNumber ? (int)number : throw new ImportRefusedException(limits.RowNumberTooLarge(number));
    }

    /// <summary>Through decimal, so 0.4324 becomes exactly 43.24 and not 43.239999999999995.</summary>
    private static double TimesHundred(double value) =>
        Math.Abs(value) < 1e15 ? (double)((decimal)value * 100m) : value * 100;

    /// <summary>"AB12" → 27; null unless letters A–XFD followed by an optional row number.</summary>
    private static int? ColumnIndex(string reference)
    {
        int column = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= ExcelColumns; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        bool digits = reference.AsSpan(i).ContainsAnyExceptInRange('0', '9') is false;
        return i > 0 && column <= ExcelColumns && digits ? column - 1 : null;
    }

    /// <summary>Text from the file, shortened for a message.</summary>
    internal static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
