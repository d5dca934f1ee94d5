using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewPageTests(DemoDashboardFixture fixture)
{
    [Fact]
    public async Task Overview_ShowsEveryKpiOfTheCatalogue_ByItsVietnameseName()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var names = await page.Locator("a.tile .name").AllInnerTextsAsync();
        await DemoDashboardFixture.SaveScreenshotAsync(page, "overview");

        var expected = fixture.Catalog.Kpis.All.Select(k => k.NameVi).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, names.Select(n => n.Trim()).Order(StringComparer.Ordinal).ToList());
        await Expect(page.Locator("h1")).ToContainTextAsync("tháng");
    }

    [Fact]
    public async Task LanguageLink_TurnsTheOverviewToEnglish_AndBackToVietnamese()
    {
        await using var context = await fixture.NewContextAsync(signedIn: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var tiles = page.Locator("a.tile .name");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(tiles).ToHaveTextAsync(fixture.Catalog.Kpis.All.Select(k => k.NameEn).ToArray());
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Tổng quan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt", Exact = true }).ClickAsync();

        await Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Tổng quan", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(tiles).ToHaveTextAsync(fixture.Catalog.Kpis.All.Select(k => k.NameVi).ToArray());
    }
}
