using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Packaging;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Xlsx;

/// <summary>
/// The report's data tables as an Excel workbook, one sheet per table, figures as numbers (full precision, not the
/// rounded text of the report) so a clerk can compute with them. Same content, same bytes: named part ids, no
/// document properties, ZIP entries of fixed time.
/// </summary>
public static class XlsxReportWriter
{
    /// <summary>The XLSX media type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheets of <paramref name="report"/>.</summary>
    public static IReadOnlyList<XlsxSheet> Sheets(MonthlyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new(ReportText.Text("sheet.kpis"), Columns("sheet.kpis.columns"),
                report.Kpis.Select(k => k.Assessment).Select(a => Row(a.Kpi.Code, a.Kpi.NameVi, TextFormat.Period(a.Period, a.Granularity, Cultures.Vietnamese),
                    a.Value.Value, a.Value.Numerator, a.Value.Denominator, a.Target?.Value, ReportText.Status(a.Status), a.Previous.Value, a.LastYear.Value, a.Kpi.DisplayUnit)).ToList()),
            new(ReportText.Text("sheet.trend"), Columns("sheet.trend.columns"),
                report.Kpis.SelectMany(k => k.Trend.Select(p => Row(k.Assessment.Kpi.Code, k.Assessment.Kpi.NameVi,
                    TextFormat.Period(p.Month, Shared.Periods.PeriodGranularity.Month, Cultures.Vietnamese), p.Value, p.Target))).ToList()),
            new(ReportText.Text("sheet.attainment"), Columns("sheet.attainment.columns"),
                report.Attainment.Select(a => Row(a.Kpi.Code, a.Kpi.NameVi, a.Level.NameVi, a.Met, a.AtRisk, a.Missed, a.NoData, a.NoTarget, a.Units)).ToList()),
            new(ReportText.Text("sheet.leagues"), Columns("sheet.leagues.columns"),
                report.Leagues.SelectMany(l => l.Top.Concat(l.Bottom).Select(a => Row(l.Kpi.Code, l.Kpi.NameVi, l.Level.NameVi, a.Rank, a.Unit.Code,
                    a.Unit.NameVi, a.Value.Value, a.PreviousRank, a.Movement))).ToList()),
            new(ReportText.Text("sheet.changes"), Columns("sheet.changes.columns"),
                report.Changes.Select(c => Row(c.Assessment.Kpi.Code, c.Assessment.Kpi.NameVi, ReportText.Basis(c.Basis, c.Assessment.Granularity), c.Assessment.Unit.Code,
                    c.Assessment.Unit.NameVi, c.Before, c.Assessment.Value.Value, c.Change, ReportText.Text(c.Improvement ? "text.improvement" : "text.fall"))).ToList()),
            new(ReportText.Text("sheet.missing"), Columns("sheet.missing.columns"),
                report.Missing.Select(m => Row(m.Unit.Code, m.Unit.NameVi, m.Kpi.Code, m.Kpi.NameVi, TextFormat.Period(m.Period, m.Kpi.Period, Cultures.Vietnamese))).ToList()),
            new(ReportText.Text("sheet.stale"), Columns("sheet.stale.columns"),
                report.StaleSources.Select(s => Row(s.Code, s.Name, s.LastSuccess is null ? ReportText.Text("text.neverUpdated") : TextFormat.Time(s.LastSuccess), s.Units)).ToList()),
            new(ReportText.Text("sheet.appendix"), Columns("sheet.appendix.columns"),
                report.Appendix.SelectMany(a => a.Targets.Count == 0
                    ? [Row(a.Kpi.Code, a.Kpi.NameVi, a.Kpi.DefinitionVi, a.Kpi.SourceSystem, null, null, ReportText.Text("status.NoTarget"))]
                    : a.Targets.Select(t => Row(a.Kpi.Code, a.Kpi.NameVi, a.Kpi.DefinitionVi, a.Kpi.SourceSystem, t.Scope, t.Target.Value, t.Target.Document))).ToList()),
        ];
    }

    /// <summary>Writes the workbook of <paramref name="report"/>.</summary>
    public static byte[] Write(MonthlyReport report)
    {
        var sheets = Sheets(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdBook");
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
            var list = new Sheets();
            for (int i = 0; i < sheets.Count; i++)
            {
                var id = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var part = workbook.AddNewPart<WorksheetPart>(id);
                part.Worksheet = Worksheet(sheets[i]);
                list.Append(new Sheet { Id = id, SheetId = (uint)(i + 1), Name = sheets[i].Name });
            }

            workbook.Workbook.Append(list);
        }

        return StableZip.Normalize(stream.ToArray());
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        data.Append(Row(1, sheet.Headers.Cast<object?>().ToList(), bold: true));
        uint index = 1;
        foreach (var row in sheet.Rows)
        {
            data.Append(Row(++index, row, bold: false));
        }

        var widths = sheet.Headers.Select((h, c) => Math.Min(60, Math.Max(h.Length, sheet.Rows.Select(r => c < r.Count ? Shown(r[c]).Length : 0).DefaultIfEmpty(0).Max()) + 2)).ToList();
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            data);
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (int c = 0; c < cells.Count; c++)
        {
            var reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            Cell cell = cells[c] switch
            {
                double d => new Cell { CellValue = new CellValue(d) },
                int n => new Cell { CellValue = new CellValue(n) },
                string s => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve }) },
                _ => new Cell(),
            };
            cell.CellReference = reference;
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            row.Append(cell);
        }

        return row;
    }

    private static object?[] Row(params object?[] cells) => cells;

    private static string Shown(object? cell) => cell switch
    {
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => "",
    };

    private static string Column(int index)
    {
        string name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    // A sheet's column headers, one text separated by '|' in ReportText.resx.
    private static string[] Columns(string key) => ReportText.Text(key).Split('|');
}
