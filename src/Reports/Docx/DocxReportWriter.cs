using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KpiMonitor.Charts;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Packaging;

namespace KpiMonitor.Reports.Docx;

/// <summary>
/// The report as the editable DOCX draft a clerk finishes and signs: A4, margins and sizes of Decree 30/2020/NĐ-CP,
/// the heading block, real Word headings and tables, and the dashboard's trend charts embedded as PNG (Word shows
/// SVG only through an extension with a PNG fallback; the PDF carries them as vectors). The same document gives the
/// same bytes: fixed relationship ids and part names, no document properties, ZIP entries of fixed time.
/// </summary>
public static class DocxReportWriter
{
    /// <summary>The DOCX media type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int ChartWidth = 900;
    private const int ChartHeight = 420;

    /// <summary>Writes <paramref name="document"/>; charts are drawn here, so a cancelled report stops between them.</summary>
    public static byte[] Write(ReportDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // Named ids: the SDK's own are random, and the same report must give the same bytes.
            var main = package.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create();
            var body = new Body();
            body.Append(Heading(document.Heading));
            uint chart = 0;
            foreach (var block in document.Body)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (block)
                {
                    case HeadingBlock h:
                        body.Append(DocxText.Styled(h.Level == 1 ? DocxStyles.Heading1 : DocxStyles.Heading2, h.Text));
                        break;
                    case ParagraphBlock p:
                        body.Append(DocxText.Paragraph(JustificationValues.Both, 120, 567, DocxText.Run(p.Text, italic: p.Italic)));
                        break;
                    case TableBlock t:
                        body.Append(DocxText.Styled(DocxStyles.Caption, t.Caption));
                        body.Append(DocxTables.Data(t));
                        body.Append(DocxText.Paragraph(JustificationValues.Left, 120));
                        break;
                    case ChartBlock c:
                        chart++;
                        var id = "rIdChart" + chart.ToString(CultureInfo.InvariantCulture);
                        var image = main.AddImagePart(ImagePartType.Png, id);
                        using (var png = new MemoryStream(TrendChart.Png(c.Data, ChartWidth, ChartHeight)))
                        {
                            image.FeedData(png);
                        }

                        body.Append(DocxImage.Inline(id, chart, DocxTables.TextWidth, ChartWidth, ChartHeight));
                        body.Append(DocxText.Paragraph(JustificationValues.Center, 120, DocxText.Run(c.Caption, italic: true, size: DocxText.TableSize)));
                        break;
                }
            }

            body.Append(Signature(document));
            body.Append(DocxText.Paragraph(JustificationValues.Left, 0, DocxText.Run(document.Stamp, italic: true, size: 20)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
        }

        return StableZip.Normalize(stream.ToArray());
    }

    // Decree 30, appendix I: the issuing body left (its parent above in regular type), the motto right, both centred
    // in their halves; number and date on the next line; then the title and subject centred.
    private static IEnumerable<OpenXmlElement> Heading(ReportHeading h)
    {
        var left = new[]
        {
            Centered(DocxText.Run(h.ParentBody, size: 26)),
            Centered(DocxText.Run(h.IssuingBody, bold: true, size: 26)),
            Centered(DocxText.Run("————", size: 26)),
            Centered(DocxText.Run(h.Number, size: 26)),
        };
        var right = new[]
        {
            Centered(DocxText.Run(ReportHeading.Nation, bold: true, size: 24)),
            Centered(DocxText.Run(ReportHeading.Motto, bold: true, size: 26, underline: true)),
            Centered(DocxText.Run(" ", size: 26)),
            Centered(DocxText.Run(h.PlaceAndDate, italic: true, size: 28)),
        };
        yield return DocxTables.Layout(3600, left, right);
        yield return DocxText.Paragraph(JustificationValues.Center, 0, DocxText.Run(" "));
        yield return DocxText.Paragraph(JustificationValues.Center, 0, DocxText.Run(h.Title, bold: true, size: 28));
        yield return DocxText.Paragraph(JustificationValues.Center, 240, DocxText.Run(h.Subject, bold: true, size: 28));
    }

    private static Table Signature(ReportDocument document)
    {
        var left = new List<Paragraph> { DocxText.Paragraph(JustificationValues.Left, 0, DocxText.Run("Nơi nhận:", bold: true, italic: true, size: 24)) };
        left.AddRange(document.Recipients.Select(r => DocxText.Paragraph(JustificationValues.Left, 0, DocxText.Run(r, size: 22))));
        var right = new[] { Centered(DocxText.Run(document.Signer, bold: true, size: 28)) };
        return DocxTables.Layout(4500, left, right);
    }

    private static Paragraph Centered(Run run) => DocxText.Paragraph(JustificationValues.Center, 0, run);
}
