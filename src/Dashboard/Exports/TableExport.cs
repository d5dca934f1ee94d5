using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>
/// Writes a table (a header row and rows of cells) as CSV or as a one-sheet Excel workbook. Numbers stay numbers
/// (invariant "1234.5" in CSV, number cells in Excel), moments are Vietnamese local time.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string TimeFormat = "dd/MM/yyyy HH:mm";
    private const uint BoldStyle = 1;
    private const uint TimeStyle = 2;

    /// <summary>
    /// RFC 4180 CSV: commas, CRLF, fields quoted when they hold a comma, quote or line break. UTF-8 with a byte-order
    /// mark, without which Excel reads the file as ANSI and garbles every Vietnamese letter.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', headers.Select(h => Quote(h))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(CsvField)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet named <paramref name="sheetName"/>: a bold header row, then the rows.</summary>
    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<ExportCell>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetData = new SheetData();
            var widths = headers.Select(h => h.Length).ToArray();
            sheetData.Append(Row(1, headers.Select(h => TextCell(h, BoldStyle))));
            uint number = 1;
            foreach (var row in rows)
            {
                for (int c = 0; c < Math.Min(row.Count, widths.Length); c++)
                {
                    widths[c] = Math.Max(widths[c], Shown(row[c]).Length);
                }

                sheetData.Append(Row(++number, row.Select(XlsxCell)));
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Min(w + 2, 60), CustomWidth = true })),
                sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName(sheetName) }));
        }

        return stream.ToArray();
    }

    private static string CsvField(ExportCell cell) => cell switch
    {
        { Number: { } n } => n.ToString("R", CultureInfo.InvariantCulture),
        { Time: { } t } => Shown(cell),
        { Text: { } s } => Quote(Defused(s)),
        _ => "",
    };

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>
    /// Text that starts like a formula (=, +, -, @) is prefixed with an apostrophe, so an error message from a source
    /// system cannot become a formula when the file is opened in Excel (CSV injection). Excel files need no such
    /// care: their text cells are never evaluated.
    /// </summary>
    private static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Shown(ExportCell cell) => cell switch
    {
        { Number: { } n } => n.ToString("0.####", CultureInfo.InvariantCulture),
        { Time: { } t } => VietnamTime.ToLocal(t).ToString(TimeFormat, CultureInfo.InvariantCulture),
        { Text: { } s } => s,
        _ => "",
    };

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        int column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        return row;
    }

    private static Cell XlsxCell(ExportCell cell) => cell switch
    {
        { Number: { } n } => new Cell { CellValue = new CellValue(n) },
        // Excel has no time zones: the serial is the Vietnamese wall-clock time people see on the page.
        { Time: { } t } => new Cell { CellValue = new CellValue(VietnamTime.ToLocal(t).DateTime.ToOADate()), StyleIndex = TimeStyle },
        { Text: { } s } => TextCell(s, 0),
        _ => new Cell(),
    };

    private static Cell TextCell(string text, uint style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    private static string ColumnName(int index)
    {
        string name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        string clean = new(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray());
        clean = clean.Trim('\'', ' ');
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Formats: 0 default, 1 bold (header), 2 date and time as dd/mm/yyyy hh:mm.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
}
