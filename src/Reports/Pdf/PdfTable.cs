using KpiMonitor.Reports.Layout;
using SkiaSharp;

namespace KpiMonitor.Reports.Pdf;

// A bordered table across the text width: a grey bold header row, repeated at the top of every page the table runs
// onto, cells wrapped to their column, figures centred.
internal static class PdfTable
{
    private const float Padding = 3;
    private static readonly SKColor HeaderFill = new(0xE7, 0xE6, 0xE6);

    public static void Draw(PdfPages pages, TableBlock table, float size)
    {
        double total = table.Widths.Sum();
        var widths = table.Widths.Select(w => (float)(w / total * PdfPages.TextWidth)).ToArray();
        using var regular = pages.Font(false, false, size);
        using var bold = pages.Font(true, false, size);
        float lineHeight = size * 1.25f;

        var centred = Enumerable.Range(0, widths.Length).Select(table.IsCentred).ToList();
        var header = Layout(table.Headers, widths, bold, centred);
        float headerHeight = Height(header, lineHeight);
        pages.Ensure(headerHeight + lineHeight + (2 * Padding));
        Row(pages, header, widths, bold, lineHeight, headerHeight, isHeader: true);
        foreach (var cells in table.Rows)
        {
            var row = Layout(cells, widths, regular, centred);
            float height = Height(row, lineHeight);
            if (height > pages.Room)
            {
                pages.NewPage();
                Row(pages, header, widths, bold, lineHeight, headerHeight, isHeader: true);
            }

            Row(pages, row, widths, regular, lineHeight, height, isHeader: false);
        }
    }

    private static List<(List<string> Lines, bool Centred)> Layout(IReadOnlyList<string> cells, float[] widths, SKFont font, List<bool> centred) =>
        widths.Select((w, i) =>
        {
            var text = i < cells.Count ? cells[i] : "";
            return (PdfPages.Wrap(text, font, w - (2 * Padding)), centred[i]);
        }).ToList();

    private static float Height(List<(List<string> Lines, bool Centred)> row, float lineHeight) =>
        (row.Max(c => c.Lines.Count) * lineHeight) + (2 * Padding);

    private static void Row(PdfPages pages, List<(List<string> Lines, bool Centred)> row, float[] widths, SKFont font, float lineHeight, float height, bool isHeader)
    {
        float x = PdfPages.Left;
        float top = pages.Y;
        if (isHeader)
        {
            pages.Fill(new SKRect(PdfPages.Left, top, PdfPages.Left + PdfPages.TextWidth, top + height), HeaderFill);
        }

        for (int c = 0; c < widths.Length; c++)
        {
            var (lines, centred) = row[c];
            for (int l = 0; l < lines.Count; l++)
            {
                pages.Text(lines[l], x + Padding, top + Padding + (l * lineHeight) + font.Size, widths[c] - (2 * Padding), font,
                    isHeader || centred ? Align.Center : Align.Left);
            }

            pages.Line(x, top, x, top + height);
            x += widths[c];
        }

        pages.Line(x, top, x, top + height);
        pages.Line(PdfPages.Left, top, x, top);
        pages.Line(PdfPages.Left, top + height, x, top + height);
        pages.Y = top + height;
    }
}
