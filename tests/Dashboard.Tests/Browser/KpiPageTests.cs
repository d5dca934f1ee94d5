using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class KpiPageTests(DemoDashboardFixture fixture)
{
    private const string Kpi = "online_dossier_rate";

    [Theory]
    [InlineData(1366, "&size=wide", 1280)]
    [InlineData(1024, "", 900)]
    public async Task KpiPage_TrendChart_LoadsAsAPngImage_OfTheSizeTheScreenHolds(int windowWidth, string size, int chartWidth)
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(windowWidth, 768);

        // 12 months: the fixture's demo holds 13 months of history, so the default 24 would leave half the screenshot's chart empty.
        var chart = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync($"/chi-tieu/{Kpi}?months=12"), response => response.Url.Contains($"/bieu-do/xu-huong/{Kpi}.png", StringComparison.Ordinal));

        Assert.Equal(200, chart.Status);
        Assert.Equal("image/png", chart.Headers["content-type"]);
        Assert.EndsWith($"&months=12&grain=month{size}", chart.Url, StringComparison.Ordinal);
        int naturalWidth = await page.Locator(".chart img").EvaluateAsync<int>("""
            img => img.complete ? img.naturalWidth
              : new Promise(r => { img.addEventListener('load', () => r(img.naturalWidth)); img.addEventListener('error', () => r(0)); })
            """);
        Assert.Equal(chartWidth, naturalWidth);
        // Shown at its own size (not enlarged, not squeezed) and centred in its card.
        double[] box = await page.Locator(".chart img").EvaluateAsync<double[]>("""
            img => { const c = img.closest('.chart').getBoundingClientRect(), i = img.getBoundingClientRect();
                     return [i.width, i.left - c.left, c.right - i.right]; }
            """);
        var (shown, left, right) = (box[0], box[1], box[2]);
        Assert.Equal(chartWidth, shown, 0);
        Assert.True(Math.Abs(left - right) <= 2, $"not centred: {left:F0} px left, {right:F0} px right");
        await Expect(page.Locator("h1")).ToContainTextAsync(fixture.Catalog.Kpis.Find(Kpi)!.NameVi);
        await DemoDashboardFixture.SaveScreenshotAsync(page, $"kpi-{Kpi}-{windowWidth}");
    }

    [Fact]
    public async Task ChildrenTable_ClickingACommune_OpensThatCommunesKpiPage()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/chi-tieu/{Kpi}");
        var commune = page.Locator("table tbody a[href*='unit=LCU.X.']").First;
        string code = UnitParameter().Match(await commune.GetAttributeAsync("href") ?? "").Groups[1].Value;
        var unit = fixture.Catalog.Units.Find(code);
        Assert.NotNull(unit);
        await Expect(commune).ToHaveTextAsync(unit.NameVi);

        await commune.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/chi-tieu/{Kpi}\\?unit={Regex.Escape(code)}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{fixture.Catalog.Kpis.Find(Kpi)!.NameVi} — {unit.NameVi}");
    }

    [Fact]
    public async Task CsvLink_DownloadsTheChildrenTable_WithTheVietnameseHeader()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/chi-tieu/{Kpi}");
        string firstUnit = (await page.Locator("table tbody tr").First.Locator("a").First.InnerTextAsync()).Trim();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());

        Assert.Null(await download.FailureAsync());
        Assert.Equal($"{fixture.Catalog.Kpis.Find(Kpi)!.NameVi} - Tỉnh Lai Châu - ", download.SuggestedFilename[..^"yyyy-MM.csv".Length]);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        byte[] bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        // Excel reads a CSV without the UTF-8 byte-order mark as ANSI and garbles the diacritics.
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        string[] lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("Xếp hạng,Xếp hạng tháng trước,Mã đơn vị,Đơn vị,Giá trị (%),Tử số,Mẫu số,Mục tiêu (%),Trạng thái,Số đơn vị có số liệu", lines[0]);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{firstUnit},", lines[1], StringComparison.Ordinal);
        Assert.Equal(await page.Locator("table tbody tr").CountAsync(), lines.Count(l => l.Length > 0) - 1);
    }

    [Fact]
    public async Task UnknownKpi_ShowsTheFriendlyNotFoundPage_InVietnamese()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/chi-tieu/khong_co_chi_tieu_nay");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("404");
        await Expect(page.Locator("main")).ToContainTextAsync("Không tìm thấy trang hoặc mã chỉ tiêu, đơn vị.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Về trang tổng quan" })).ToHaveAttributeAsync("href", "/");
        await Expect(page.Locator("header")).ToContainTextAsync("KpiMonitor");
    }

    [GeneratedRegex(@"unit=([^&]+)")]
    private static partial Regex UnitParameter();
}
