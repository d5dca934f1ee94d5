using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KpiMonitor.Dashboard.Tests.Browser;

/// <summary>
/// Chromium signs in through the test provider with the dashboard as its own process. The provider is on
/// 127.0.0.1 and the dashboard on localhost: two sites, so the way back is a cross-site navigation with the
/// browser's real SameSite rules, which an HttpClient does not apply. In the browser collection, so it does not
/// start its dashboard and Chromium while the demo's are busy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SsoSignInBrowserTests
{
    [Fact]
    public async Task SsoButton_SignsInThroughTheProvider_AndLandsOnTheAskedPage_SignedIn()
    {
        Assert.True(File.Exists(DemoDashboardFixture.ChromiumPath), $"{DemoDashboardFixture.ChromiumPath} is missing: run scripts/test.sh or 'apt-get install -y chromium'.");
        await using var provider = await TestOidcProvider.StartAsync();
        provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        provider.Interactive = true;
        var baseUrl = new Uri($"http://localhost:{LoopbackPort.Free()}");
        var environment = OidcFixture.Settings(provider.Issuer).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        await using var dashboard = await PlainDashboardProcess.StartAsync(baseUrl, environment);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = DemoDashboardFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString(), Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/nhap-lieu");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        Directory.CreateDirectory(DemoDashboardFixture.ArtefactFolder);
        await DemoDashboardFixture.SaveScreenshotAsync(page, "login-sso");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập một lần (SSO)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập tại nhà cung cấp" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(baseUrl, "/nhap-lieu").ToString());
        await Expect(page.Locator("header")).ToContainTextAsync("Nguyễn Văn An");
        Assert.Empty(provider.TokenErrors);
    }
}
