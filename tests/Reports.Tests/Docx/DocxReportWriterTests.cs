using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KpiMonitor.Reports.Docx;
using KpiMonitor.Reports.Layout;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Docx;

/// <summary>The DOCX draft of the October 2026 province report, read back with the OpenXml SDK.</summary>
public sealed class DocxReportWriterTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    private byte[] Docx(DateTimeOffset generatedAt) => DocxReportWriter.Write(ReportOutline.Build(fixture.Report, generatedAt), Ct);

    [Fact]
    public void Text_HasTheHeadingBlockKpiNamesViVnFiguresAndCounts()
    {
        var paragraphs = Paragraphs(Docx(Now));
        var text = string.Join("\n", paragraphs.Select(p => p.InnerText));
        int communesMet = Children.Count(c => c.Level == "commune" && OnlineFigures.TryGetValue(c.Code, out var f) && f.Oct.N / f.Oct.D * 100 >= OnlineTarget);

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Số:        /BC-SKHCN", text, StringComparison.Ordinal);
        Assert.Contains("Lai Châu, ngày … tháng … năm …", text, StringComparison.Ordinal);
        Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ nộp trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains("99,60 %", text, StringComparison.Ordinal);
        Assert.Contains($"{ReceivedFigures.Values.Sum():#,##0}".Replace(",", ".", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains($"{communesMet}/4 đơn vị cấp xã đạt chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains("Xã Khun Há", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_AreRealWordHeadings_AndTablesAreTables()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(Docx(Now)), false);
        var body = package.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();

        Assert.Equal("I. TÌNH HÌNH CHUNG", headings[0]);
        Assert.Contains("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", headings);
        Assert.True(body.Elements<Table>().Count() >= 6);
        // A chart for every KPI with a figure in the twelve months; the satisfaction rate nobody reported gets a sentence instead.
        Assert.Equal(fixture.Report.Kpis.Count(k => k.Trend.Any(p => p.Value is not null)), package.MainDocumentPart.ImageParts.Count());
        Assert.Equal(fixture.Report.Kpis.Count - 1, package.MainDocumentPart.ImageParts.Count());
        Assert.Contains("Chưa có số liệu trong 12 tháng gần nhất để vẽ biểu đồ.", body.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Equal("Times New Roman", package.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single().Ascii!.Value);
    }

    [Fact]
    public void Document_IsValidAgainstTheOfficeSchema()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(Docx(Now)), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package)
            .Select(e => $"{e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void SameMonthTwice_GivesTheSameBytes_AndAnotherTimeOnlyAnotherStamp()
    {
        var first = Docx(Now);
        var second = Docx(Now);
        var later = Docx(Now.AddHours(3));

        Assert.Equal(first, second);
        Assert.NotEqual(first, later);
        var a = Paragraphs(first).Select(p => p.InnerText).ToList();
        var b = Paragraphs(later).Select(p => p.InnerText).ToList();
        var differing = a.Zip(b).Where(p => p.First != p.Second).ToList();
        var (before, after) = Assert.Single(differing);
        Assert.Contains("02/11/2026 07:00", before, StringComparison.Ordinal);
        Assert.Contains("02/11/2026 10:00", after, StringComparison.Ordinal);
    }

    private static List<Paragraph> Paragraphs(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return package.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => (Paragraph)p.CloneNode(true)).ToList();
    }
}
