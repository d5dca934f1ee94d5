using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(DemoDashboardFixture fixture)
{
    [Fact]
    public async Task AnOperator_GeneratesLastMonthsReportOfACommune_WatchesItsProgress_AndGetsItsDownloads()
    {
        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await fixture.SignInAsync(page, "canbo", "CanBo@2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo tháng", Exact = true })).ToBeVisibleAsync();

        // The month field comes filled with the month just ended.
        await page.Locator("select[name=unit]").SelectOptionAsync("LCU.X.TANPHONG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập báo cáo", Exact = true }).ClickAsync();

        // The page refreshes itself until the run is done.
        var run = page.Locator("table.report-runs tbody tr").First;
        await Expect(run).ToContainTextAsync("Phường Tân Phong");
        await Expect(run).ToContainTextAsync("Đã xong", new() { Timeout = 90_000 });
        var archived = page.Locator("table.report-archive tbody tr").Filter(new() { HasText = "Phường Tân Phong" });
        await Expect(archived.GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        var download = await page.RunAndWaitForDownloadAsync(() => archived.GetByRole(AriaRole.Link).First.ClickAsync());
        Assert.StartsWith("bao-cao-LCU.X.TANPHONG-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        await DemoDashboardFixture.SaveScreenshotAsync(page, "reports-page");
    }
}
