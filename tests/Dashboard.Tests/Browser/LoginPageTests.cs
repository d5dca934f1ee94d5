using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginPageTests(DemoDashboardFixture fixture)
{
    [Fact]
    public async Task SignIn_AsLanhDao_ThroughTheForm_OpensTheOverview_WithTheLeadersName()
    {
        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await DemoDashboardFixture.SaveScreenshotAsync(page, "login");

        await fixture.SignInAsync(page, DemoDashboardFixture.User, DemoDashboardFixture.Password);

        await Expect(page).ToHaveURLAsync(fixture.Url("/").ToString());
        await Expect(page.Locator("header")).ToContainTextAsync("Lãnh đạo UBND tỉnh");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await Expect(page.Locator("a.tile").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheVietnameseError_AndStaysOut()
    {
        await using var context = await fixture.NewContextAsync(signedIn: false);
        var page = await context.NewPageAsync();

        await fixture.SignInAsync(page, DemoDashboardFixture.User, "SaiMatKhau@2026");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await Expect(page.GetByLabel("Tên đăng nhập")).ToHaveValueAsync(DemoDashboardFixture.User);
        await Expect(page.GetByLabel("Mật khẩu")).ToHaveValueAsync("");

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
    }
}
