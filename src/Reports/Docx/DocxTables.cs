using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using KpiMonitor.Reports.Layout;

namespace KpiMonitor.Reports.Docx;

// Data tables with single borders and a grey header row repeated on every page, and the borderless two-column
// tables Decree 30 lays the heading and the signature out with.
internal static class DocxTables
{
    public const int TextWidth = 9071; // A4 less 30 mm left and 20 mm right margins, in twentieths of a point

    public static Table Data(TableBlock block)
    {
        double total = block.Widths.Sum();
        var widths = block.Widths.Select(w => (int)Math.Round(w / total * TextWidth)).ToList();
        var table = new Table(new TableProperties(
            new TableWidth { Width = Invariant(TextWidth), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "20", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = Invariant(w) })));
        var centred = Enumerable.Range(0, widths.Count).Select(block.IsCentred).ToList();
        table.Append(Row(block.Headers, widths, centred, header: true));
        foreach (var row in block.Rows)
        {
            table.Append(Row(row, widths, centred, header: false));
        }

        return table;
    }

    public static Table Layout(int leftWidth, IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        int rightWidth = TextWidth - leftWidth;
        var table = new Table(new TableProperties(
            new TableWidth { Width = Invariant(TextWidth), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = Invariant(leftWidth) }, new GridColumn { Width = Invariant(rightWidth) }));
        table.Append(new TableRow(Cell(leftWidth, left), Cell(rightWidth, right)));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, List<bool> centred, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (int i = 0; i < widths.Count; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            var paragraph = DocxText.Paragraph(header || centred[i] ? JustificationValues.Center : JustificationValues.Left, 0,
                DocxText.Run(text, bold: header, size: DocxText.TableSize));
            var properties = new TableCellProperties(new TableCellWidth { Width = Invariant(widths[i]), Type = TableWidthUnitValues.Dxa });
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" });
            }

            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            row.Append(new TableCell(properties, paragraph));
        }

        return row;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Invariant(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
