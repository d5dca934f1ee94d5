using KpiMonitor.Charts;
using KpiMonitor.Reports.Layout;
using SkiaSharp;

namespace KpiMonitor.Reports.Pdf;

/// <summary>
/// The report as a PDF through SkiaSharp's PDF backend (ADR 013): the same layout as the DOCX, serif text with the
/// subset of its font embedded, and the dashboard's trend charts drawn straight onto the page, so they stay vectors.
/// The same document gives the same bytes: the dates in the PDF's information are the generation time, and its file
/// identifier is a hash of the content rather than Skia's time-based one.
/// </summary>
public static class PdfReportWriter
{
    /// <summary>The PDF media type.</summary>
    public const string ContentType = "application/pdf";

    private const float BodySize = 13;
    private const float TableSize = 11;
    // Drawn at 720 × 360 and scaled to the text width (0,63): the chart's 12-pixel labels print at about 7,5 pt.
    private const float ChartWidth = 720;
    private const float ChartHeight = 360;

    /// <summary>Writes <paramref name="document"/>, generated at <paramref name="generatedAt"/>.</summary>
    public static byte[] Write(ReportDocument document, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var fonts = PdfFonts.Load();
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{document.Heading.Title} {document.Heading.Subject}",
            Author = document.Heading.IssuingBody,
            Creator = "KpiMonitor",
            Producer = "KpiMonitor",
            Creation = generatedAt.UtcDateTime,
            Modified = generatedAt.UtcDateTime,
            RasterDpi = 150,
            EncodingQuality = 101,
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            using (var pages = new PdfPages(pdf, fonts))
            {
                pages.NewPage();
                Heading(pages, document.Heading);
                int chart = 0;
                foreach (var block in document.Body)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (block)
                    {
                        case HeadingBlock h:
                            Paragraph(pages, h.Text, bold: true, italic: false, BodySize, indent: 0, before: h.Level == 1 ? 10 : 6, keepWithNext: 60);
                            break;
                        case ParagraphBlock p:
                            Paragraph(pages, p.Text, bold: false, p.Italic, BodySize, indent: 28.35f, before: 0, keepWithNext: 0);
                            break;
                        case TableBlock t:
                            Paragraph(pages, t.Caption, bold: true, italic: true, TableSize + 1, indent: 0, before: 4, keepWithNext: 50, Align.Center);
                            PdfTable.Draw(pages, t, TableSize);
                            pages.Y += 8;
                            break;
                        case ChartBlock c:
                            chart++;
                            Chart(pages, c);
                            break;
                    }
                }

                Signature(pages, document);
                Paragraph(pages, document.Stamp, bold: false, italic: true, 9, indent: 0, before: 12, keepWithNext: 0);
            }

            pdf.Close();
        }

        return PdfStableId.Apply(stream.ToArray());
    }

    private static void Heading(PdfPages pages, ReportHeading h)
    {
        const float leftWidth = 180;
        float rightX = PdfPages.Left + leftWidth;
        float rightWidth = PdfPages.TextWidth - leftWidth;
        float y = pages.Y;
        // Each line in its half, made smaller rather than run into the other half when a long body name needs it.
        Fitted(pages, h.ParentBody, PdfPages.Left, y + 13, leftWidth, false, false, 13);
        Fitted(pages, h.IssuingBody, PdfPages.Left, y + 29, leftWidth, true, false, 13);
        float ruleX = PdfPages.Left + (leftWidth / 2);
        pages.Line(ruleX - 30, y + 35, ruleX + 30, y + 35);
        Fitted(pages, h.Number, PdfPages.Left, y + 55, leftWidth, false, false, 13);

        Fitted(pages, ReportHeading.Nation, rightX, y + 13, rightWidth, true, false, 12);
        float motto = Fitted(pages, ReportHeading.Motto, rightX, y + 29, rightWidth, true, false, 13);
        float mottoX = rightX + ((rightWidth - motto) / 2);
        pages.Line(mottoX, y + 32, mottoX + motto, y + 32);
        Fitted(pages, h.PlaceAndDate, rightX, y + 55, rightWidth, false, true, 14);

        pages.Y = y + 80;
        Paragraph(pages, h.Title, bold: true, italic: false, 14, indent: 0, before: 0, keepWithNext: 0, Align.Center);
        Paragraph(pages, h.Subject, bold: true, italic: false, 14, indent: 0, before: 0, keepWithNext: 0, Align.Center);
        pages.Y += 10;
    }

    private static float Fitted(PdfPages pages, string text, float x, float baseline, float width, bool bold, bool italic, float size)
    {
        using var font = pages.Font(bold, italic, size);
        float measured = font.MeasureText(text);
        if (measured > width - 6)
        {
            font.Size = size * (width - 6) / measured;
        }

        return pages.Text(text, x, baseline, width, font, Align.Center);
    }

    private static void Paragraph(PdfPages pages, string text, bool bold, bool italic, float size, float indent, float before, float keepWithNext, Align align = Align.Left)
    {
        using var font = pages.Font(bold, italic, size);
        float lineHeight = size * 1.3f;
        var lines = PdfPages.Wrap(text, font, PdfPages.TextWidth - indent);
        pages.Y += before;
        pages.Ensure(Math.Min(lines.Count, 2) * lineHeight + keepWithNext);
        for (int i = 0; i < lines.Count; i++)
        {
            pages.Ensure(lineHeight);
            float x = i == 0 ? PdfPages.Left + indent : PdfPages.Left;
            float width = i == 0 ? PdfPages.TextWidth - indent : PdfPages.TextWidth;
            pages.Text(lines[i], x, pages.Y + size, width, font, align);
            pages.Y += lineHeight;
        }

        pages.Y += size * 0.4f;
    }

    // The dashboard's chart, drawn by its own code onto the page canvas, scaled to the text width: vector paths and text.
    private static void Chart(PdfPages pages, ChartBlock block)
    {
        float scale = PdfPages.TextWidth / ChartWidth;
        float height = ChartHeight * scale;
        pages.Ensure(height + 30);
        var canvas = pages.Canvas;
        canvas.Save();
        canvas.Translate(PdfPages.Left, pages.Y);
        canvas.Scale(scale);
        canvas.ClipRect(new SKRect(0, 0, ChartWidth, ChartHeight));
        TrendChart.Draw(block.Data, canvas, (int)ChartWidth, (int)ChartHeight);
        canvas.Restore();
        pages.Y += height + 4;
        Paragraph(pages, block.Caption, bold: false, italic: true, TableSize, indent: 0, before: 0, keepWithNext: 0, Align.Center);
    }

    private static void Signature(PdfPages pages, ReportDocument document)
    {
        const float leftWidth = 225;
        using var label = pages.Font(true, true, 12);
        using var line = pages.Font(false, false, 11);
        using var signer = pages.Font(true, false, 14);
        float needed = 20 + (document.Recipients.Count * 14);
        pages.Y += 12;
        pages.Ensure(needed);
        float y = pages.Y;
        pages.Text("Nơi nhận:", PdfPages.Left, y + 12, leftWidth, label, Align.Left);
        for (int i = 0; i < document.Recipients.Count; i++)
        {
            pages.Text(document.Recipients[i], PdfPages.Left, y + 26 + (i * 14), leftWidth, line, Align.Left);
        }

        pages.Text(document.Signer, PdfPages.Left + leftWidth, y + 14, PdfPages.TextWidth - leftWidth, signer, Align.Center);
        pages.Y = y + needed + 40;
    }
}
