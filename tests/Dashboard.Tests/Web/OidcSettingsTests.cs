using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>SSO off, SSO behind a TLS proxy, and settings that must stop the dashboard before it serves anyone.</summary>
public sealed class OidcSettingsTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string SsoText = "Đăng nhập một lần (SSO)";

    [Fact]
    public async Task Sso_Off_LoginPageHasNoButton_AndTheChallengeIs404()
    {
        var client = fixture.Plain.Anonymous();

        string login = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var challenge = await client.GetAsync(new Uri("/dang-nhap/sso?returnUrl=%2F", UriKind.Relative));

        Assert.DoesNotContain(SsoText, login, StringComparison.Ordinal);
        Assert.DoesNotContain("/dang-nhap/sso", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task Sso_DisplayName_IsTheLinkText()
    {
        using var named = fixture.Sso.WithWebHostBuilder(b => b.UseSetting("Auth:Oidc:DisplayName", "Đăng nhập bằng tài khoản công vụ"));

        string login = await named.CreateClient().GetStringAsync(new Uri("/dang-nhap?ReturnUrl=%2Fnhap-lieu", UriKind.Relative));

        Assert.Contains("<a href=\"/dang-nhap/sso?returnUrl=%2Fnhap-lieu\">Đăng nhập bằng tài khoản công vụ</a>", login, StringComparison.Ordinal);
        Assert.DoesNotContain(SsoText, login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sso_BehindATlsProxy_WithForwardedHeadersOn_AsksForAnHttpsCallback()
    {
        // docs/sso.md: behind a proxy that ends TLS, ASPNETCORE_FORWARDEDHEADERS_ENABLED=true lets the dashboard see https.
        using var proxied = fixture.Sso.WithWebHostBuilder(b => b.UseSetting("ForwardedHeaders_Enabled", "true"));
        var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dang-nhap/sso?returnUrl=%2F", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var challenge = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://localhost/signin-oidc"), challenge.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.All(challenge.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    // One bad setting, through the real process: each message is checked against the validator in OidcOptionsValidatorTests.
    [Theory]
    [InlineData("Auth:Oidc:Authority=khong-phai-dia-chi", "Auth:Oidc:Authority phải là địa chỉ tuyệt đối https://")]
    [InlineData("Rollups:Cache:MaxParallelLoads=0", "Cấu hình không hợp lệ:\n  Rollups:Cache:MaxParallelLoads phải trong khoảng 1–16.")]
    public async Task BadSettings_StopTheDashboardAtStart_WithAVietnameseMessage_AndNoStackTrace(string setting, string message)
    {
        var settings = OidcFixture.Settings(fixture.Provider.Issuer);
        string[] pair = setting.Split('=', 2);
        settings[pair[0]] = pair[1];

        // Given as an operator would: environment variables, the client secret among them.
        var (exitCode, output) = await PlainDashboardProcess.RunUntilExitAsync(settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace ahead of the message
        Assert.DoesNotContain("DataAnnotation", output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOidcProvider.ClientSecret, output, StringComparison.Ordinal);
    }
}
