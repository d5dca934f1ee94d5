using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KpiMonitor.Testing;

/// <summary>
/// Builds small .xlsx files the way Excel stores them, for import tests: strings go to the shared-string table,
/// numbers are number cells, a <see cref="DateTime"/> is an OADate serial with a date format, and the wrappers
/// below give inline strings and percentage-formatted numbers. A null cell is left out; an empty row is not written,
/// so the following rows keep Excel's numbering.
/// </summary>
public static class XlsxWorkbook
{
    private const uint DateStyle = 1;
    private const uint PercentStyle = 2;

    public static byte[] Build(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStringTable();
            var sheetData = new SheetData();
            for (int r = 0; r < rows.Length; r++)
            {
                if (rows[r].All(v => v is null))
                {
                    continue;
                }

                var row = new Row { RowIndex = (uint)(r + 1) };
                for (int c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } value)
                    {
                        row.Append(Cell(value, $"{(char)('A' + c)}{r + 1}", strings));
                    }
                }

                sheetData.Append(row);
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings;
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Số liệu" }));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A copy of <paramref name="workbook"/> whose first worksheet holds <paramref name="sheetData"/> as written (the
    /// inside of <c>&lt;sheetData&gt;</c>), compressed: for files no spreadsheet program writes, malformed or huge.
    /// </summary>
    public static byte[] WithSheetData(byte[] workbook, string sheetData)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            string name = old.FullName;
            old.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open());
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            writer.Write(sheetData);
            writer.Write("</sheetData></worksheet>");
        }

        return stream.ToArray();
    }

    private static Cell Cell(object value, string reference, SharedStringTable strings) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Share(text, strings)) },
        InlineText inline => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(inline.Text)),
        },
        Percent percent => new Cell { CellReference = reference, StyleIndex = PercentStyle, CellValue = new CellValue(percent.Fraction) },
        DateTime date => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToOADate()) },
        int number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        double number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        _ => throw new ArgumentException($"Unsupported cell value {value.GetType().Name}", nameof(value)),
    };

    private static int Share(string text, SharedStringTable strings)
    {
        strings.Append(new SharedStringItem(new Text(text)));
        return strings.ChildElements.Count - 1;
    }

    /// <summary>Cell formats: 0 general, 1 date (built-in format 14), 2 percentage with two decimals (built-in 10).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font()),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }));

    /// <summary>A string stored inline in the cell instead of in the shared-string table.</summary>
    public sealed record InlineText(string Text);

    /// <summary>A number shown as a percentage: Excel stores 43,24 % as the fraction 0.4324.</summary>
    public sealed record Percent(double Fraction);

    /// <summary>The rows after the header of sheet <paramref name="name"/>, each cell as its text (inline string) or its stored number.</summary>
    public static List<string[]> ReadSheet(byte[] xlsx, string name)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        var sheet = book.Workbook!.Descendants<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
