using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Generation;

/// <summary>The generator as a host registers it (<see cref="ReportsServiceCollectionExtensions.AddReports"/>), over the seeded SQLite store.</summary>
public sealed class ReportGeneratorTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task MonthWithoutAnyFigure_StillGivesAReport_ThatSaysSo()
    {
        using var services = Services(new Dictionary<string, string?> { ["Reports:Place"] = "Lai Châu" });

        // January 2025: before the first seeded month, so every unit is missing and the e-document rate has no target.
        var files = await services.GetRequiredService<ReportGenerator>().GenerateAsync(Province, new DateOnly(2025, 1, 15), Ct);

        Assert.Equal(new DateOnly(2025, 1, 1), files.Month);
        using var pdf = PdfDocument.Open(files.Pdf);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains($"Tất cả {Children.Length} đơn vị trực thuộc chưa có số liệu kỳ báo cáo của bất kỳ chỉ tiêu nào.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0/3 đơn vị", text, StringComparison.Ordinal);
        // A PDF page's text runs its lines together; the DOCX keeps each paragraph whole.
        using var docx = WordprocessingDocument.Open(new MemoryStream(files.Docx), false);
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Tỷ lệ văn bản điện tử tháng 01/2025: chưa có số liệu; chưa được giao chỉ tiêu năm 2025; tháng trước —; cùng kỳ năm trước —.", paragraphs);
        Assert.NotEmpty(files.Xlsx);
    }

    [Fact]
    public async Task ManyUnitsMissing_TheSummaryNamesTheFirstFew_AndCountsTheRest()
    {
        using var services = Services(new Dictionary<string, string?> { ["Reports:MissingNamed"] = "1" });

        var report = await services.GetRequiredService<ReportBuilder>().BuildAsync(Province, Month, Ct);

        Assert.Contains("2 đơn vị còn thiếu số liệu kỳ báo cáo: Xã Khun Há (4 chỉ tiêu) và 1 đơn vị khác (danh sách đầy đủ tại Mục V).", report.Summary);
    }

    [Fact]
    public async Task HeadingNotConfigured_NamesTheProvinceOfTheUnitTree()
    {
        using var services = Services([]);

        var report = await services.GetRequiredService<ReportBuilder>().BuildAsync("P.X1", Month, Ct);
        var heading = ReportOutline.Build(report, Now).Heading;

        Assert.Equal(("UBND TỈNH LAI CHÂU", "Lai Châu, ngày … tháng … năm …"), (heading.ParentBody, heading.PlaceAndDate));
    }

    [Fact]
    public async Task MonthInProgress_IsSaidToBeProvisional()
    {
        using var services = Services([]);

        // 2 November 2026: November has begun, and has no figure yet.
        var report = await services.GetRequiredService<ReportBuilder>().BuildAsync(Province, new DateOnly(2026, 11, 1), Ct);

        Assert.All(report.Kpis, k => Assert.True(k.Assessment.InProgress));
        Assert.StartsWith("Tỷ lệ hồ sơ nộp trực tuyến tháng 11/2026 (kỳ chưa kết thúc, số liệu tạm tính)", ReportSummary.Kpi(report.Kpis[0]), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => services.GetRequiredService<ReportBuilder>().BuildAsync(Province, new DateOnly(2026, 12, 1), Ct));
    }

    [Fact]
    public async Task CommuneReport_HasItsOwnFigures_AndSaysItHasNoUnitsBelow()
    {
        using var services = Services([]);

        var report = await services.GetRequiredService<ReportBuilder>().BuildAsync("P.X1", Month, Ct);

        var online = report.Kpis.Single(k => k.Assessment.Kpi.Code == Online).Assessment;
        Assert.Equal(79.0, online.Value.Value!.Value, 9);
        Assert.Empty(report.Attainment);
        Assert.Contains("Xã Bản Giang không có đơn vị trực thuộc: báo cáo chỉ nêu số liệu của đơn vị.", report.Summary);
    }

    [Fact]
    public void BadSettings_StopTheHostWithTheSettingNamed()
    {
        using var services = Services(new Dictionary<string, string?> { ["Reports:DocumentCode"] = "bc sở", ["Reports:LeagueSize"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReportOptions>>().Value);

        Assert.Contains("Reports:DocumentCode", error.Message, StringComparison.Ordinal);
        Assert.Contains("LeagueSize", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddSingleton<TimeProvider>(fixture.Clock)
        .AddSingleton<Catalog>(fixture.Catalog)
        .AddSingleton<ITimeSeriesStore>(fixture.Store)
        .AddSingleton<ISourceHealthStore>(fixture.Store)
        .AddReports(_ => ReportFixture.Sources.All)
        .BuildServiceProvider();
}
