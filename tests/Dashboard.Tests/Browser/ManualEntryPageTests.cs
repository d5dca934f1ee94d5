using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ManualEntryPageTests(DemoDashboardFixture fixture)
{
    [Fact]
    public async Task AnOperator_OpensAStoredFigureFromTheTable_AndCorrectsIt()
    {
        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await fixture.SignInAsync(page, "canbo", "CanBo@2026");
        await page.GotoAsync("/nhap-lieu");
        // The labels wrap their lists, so a label's text holds every option: find the chooser by its fields.
        var chooser = page.Locator("form[method=get]");
        await chooser.Locator("select[name=kpi]").SelectOptionAsync("par_plan_progress");
        await chooser.Locator("select[name=unit]").SelectOptionAsync("LCU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        var stored = page.Locator("table.figures tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }) }).First;
        string period = (await stored.Locator("td").Nth(1).InnerTextAsync()).Trim();

        await stored.GetByRole(AriaRole.Link, new() { Name = "Sửa", Exact = true }).ClickAsync();
        var numerator = page.Locator("input[name=numerator]");
        string before = await numerator.InputValueAsync();
        await Expect(page.Locator("p.current")).ToContainTextAsync("Giá trị hiện tại:");
        Assert.True(double.TryParse(before.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture, out double n), $"numerator not pre-filled: '{before}'");
        Assert.NotEqual("", await page.Locator("input[name=denominator]").InputValueAsync());
        await numerator.FillAsync((n - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Đã lưu");
        await Expect(page.Locator("input[name=numerator]")).ToHaveValueAsync((n - 1).ToString(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        var audit = page.Locator("table").Last.Locator("tbody tr").First;
        await Expect(audit).ToContainTextAsync("canbo");
        await Expect(audit).ToContainTextAsync("biểu mẫu");
        await Expect(audit).ToContainTextAsync("Tiến độ thực hiện kế hoạch CCHC");
        await Expect(audit).ToContainTextAsync("Tỉnh Lai Châu");
        await Expect(audit).ToContainTextAsync(period);
        Assert.False(string.IsNullOrEmpty(period));
        await DemoDashboardFixture.SaveScreenshotAsync(page, "manual-entry-edit");
    }
}
