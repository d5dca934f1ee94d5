using System.Diagnostics;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Pdf;

/// <summary>The PDF of the October 2026 province report: its text read back with PdfPig, its pages drawn by poppler's pdftoppm.</summary>
public sealed class PdfReportWriterTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    private byte[] Pdf(DateTimeOffset generatedAt) => PdfReportWriter.Write(ReportOutline.Build(fixture.Report, generatedAt), generatedAt, Ct);

    [Fact]
    public void Text_HasKpiNamesViVnFiguresAndTheIndependentCounts()
    {
        using var pdf = PdfDocument.Open(Pdf(Now));
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        int departmentsMet = Children.Count(c => c.Level == "department" && OnlineFigures.TryGetValue(c.Code, out var f) && f.Oct.N / f.Oct.D * 100 >= OnlineTarget);

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ nộp trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains("Số hồ sơ trễ hạn", text, StringComparison.Ordinal);
        Assert.Contains("99,60 %", text, StringComparison.Ordinal);
        Assert.Contains($"{ReceivedFigures.Values.Sum():#,##0}".Replace(",", ".", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains($"{departmentsMet}/3 đơn vị sở, ban, ngành đạt chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains("Xã Khun Há", text, StringComparison.Ordinal);
        Assert.Contains("chưa được giao chỉ tiêu năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_RenderedByPoppler_AreNotBlank()
    {
        var folder = Directory.CreateTempSubdirectory("kpimonitor-report-pdf-").FullName;
        try
        {
            var file = Path.Combine(folder, "report.pdf");
            await File.WriteAllBytesAsync(file, Pdf(Now), Ct);
            using var poppler = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "40", "-png", file, Path.Combine(folder, "page")]) { RedirectStandardError = true })!;
            await poppler.WaitForExitAsync(Ct);
            Assert.Equal(0, poppler.ExitCode);

            // Every font embedded (poppler's pdffonts: the "emb" column), so a reader without them still shows every diacritic.
            using var fonts = Process.Start(new ProcessStartInfo("pdffonts", [file]) { RedirectStandardOutput = true })!;
            var listed = (await fonts.StandardOutput.ReadToEndAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            await fonts.WaitForExitAsync(Ct);
            Assert.NotEmpty(listed);
            Assert.All(listed, line => Assert.Matches(@"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", line));

            var pages = Directory.GetFiles(folder, "page-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.True(pages.Count >= 3, $"{pages.Count} pages");
            foreach (var page in pages)
            {
                using var bitmap = SKBitmap.Decode(page);
                int ink = bitmap.Pixels.Count(p => p.Red < 200 || p.Green < 200 || p.Blue < 200);
                Assert.True(ink > bitmap.Width * bitmap.Height / 200, $"{Path.GetFileName(page)}: {ink} dark pixels");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SameMonthTwice_GivesTheSameBytes_AndAnotherTimeOnlyAnotherStamp()
    {
        var first = Pdf(Now);
        var later = Pdf(Now.AddHours(3));

        Assert.Equal(first, Pdf(Now));
        using var a = PdfDocument.Open(first);
        using var b = PdfDocument.Open(later);
        var differing = a.GetPages().Zip(b.GetPages()).Where(p => p.First.Text != p.Second.Text).ToList();
        var (before, after) = Assert.Single(differing);
        Assert.Equal(before.Text.Replace("02/11/2026 07:00", "02/11/2026 10:00", StringComparison.Ordinal), after.Text);
    }
}
