using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>Reads downloaded tables back: CSV lines as RFC 4180 fields, XLSX cells as text or numbers.</summary>
internal static class ExportFiles
{
    /// <summary>The lines of a UTF-8 CSV after its byte-order mark, which must be there; the last (empty) line dropped.</summary>
    public static string[] CsvLines(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string[] lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("", lines[^1]);
        return lines[..^1];
    }

    /// <summary>The fields of one CSV line, unquoting "…" and "" as RFC 4180 says.</summary>
    public static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>The rows of the workbook's only sheet, and the sheet's name.</summary>
    public static (string Sheet, List<Row> Rows) XlsxRows(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => (Row)r.CloneNode(true)).ToList();
        return (sheet.Name!.Value!, rows);
    }

    public static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    public static double Number(Cell cell)
    {
        Assert.Null(cell.DataType);
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }
}
