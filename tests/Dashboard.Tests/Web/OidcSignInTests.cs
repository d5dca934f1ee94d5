using System.Net;
using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// Sign-in through a real OpenID Connect provider (<see cref="TestOidcProvider"/> on loopback Kestrel): the
/// dashboard discovers it, redeems the code over HTTP and validates the signed id_token itself.
/// </summary>
public sealed class OidcSignInTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private const string SsoText = "Đăng nhập một lần (SSO)";
    private const string SsoFailedText = "Đăng nhập một lần không thành công";
    private const string ForbiddenText = "Tài khoản của bạn không có quyền xem trang này.";

    [Fact]
    public async Task Sso_IctStaffMappedToOperator_OpensManualEntry_AndSeesTheirName()
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["nhan-vien", "ict-staff"]);
        int logged = fixture.Log.Entries.Count; // other tests of the class sign an.nv in too
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();

        var toLogin = await browser.Dashboard.GetAsync(new Uri("/nhap-lieu", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        string login = await browser.Dashboard.GetStringAsync(toLogin.Headers.Location);
        Assert.Contains(SsoText, login, StringComparison.Ordinal);
        string link = SsoLink(login);
        Assert.Equal("/dang-nhap/sso?returnUrl=%2Fnhap-lieu", link);

        var page = await browser.OpenAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Văn An", html, StringComparison.Ordinal);
        Assert.Equal("/nhap-lieu", PathOf(browser.Trail[^1]));
        Assert.Contains(browser.Trail, u => u.IsAbsoluteUri && u.AbsolutePath == "/authorize");
        Assert.Contains(browser.Trail, u => u.IsAbsoluteUri && u.AbsolutePath == OidcOptions.CallbackPath);
        Assert.Empty(fixture.Provider.TokenErrors);
        // The cookie is the ordinary sign-in cookie, Lax so that it survives the way back from the provider.
        string cookie = browser.DashboardAnswers.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
            .Single(c => c.StartsWith("kpimonitor=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(fixture.Log.Entries.Skip(logged), e => e.Text.Contains("an.nv", StringComparison.Ordinal) && e.Text.Contains(Roles.Operator, StringComparison.Ordinal));
        AssertLogHoldsNoSecret();
    }

    [Fact]
    public async Task Sso_LeadershipMappedToViewer_SeesTheOverview_ButNotManualEntry()
    {
        fixture.Provider.NextUser = new ProviderUser("binh.tt", "Trần Thị Bình", ["LANH-DAO"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();

        var home = await browser.OpenAsync("/dang-nhap/sso?returnUrl=%2F");
        var manual = await browser.Dashboard.GetAsync(new Uri("/nhap-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Trần Thị Bình", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, manual.StatusCode);
        Assert.StartsWith("/khong-co-quyen", PathOf(manual.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sso_UnmappedRole_GetsTheAccessDeniedPage_StaysSignedOut_AndTheLogNamesThePersonWithoutTokens()
    {
        fixture.Provider.NextUser = new ProviderUser("khach.lv", "Lê Văn Khách", ["nhan-vien"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();

        var page = await browser.OpenAsync("/dang-nhap/sso?returnUrl=%2F");
        var home = await browser.Dashboard.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal("/khong-co-quyen", PathOf(browser.Trail[^1]));
        string denied = await page.Content.ReadAsStringAsync();
        Assert.Contains(ForbiddenText, denied, StringComparison.Ordinal);
        Assert.Contains("chưa được cấp vai trò nào trong KpiMonitor", denied, StringComparison.Ordinal);
        Assert.Contains("href=\"/dang-nhap\"", denied, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/dang-nhap", PathOf(home.Headers.Location!), StringComparison.Ordinal);
        Assert.Contains(fixture.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Text.Contains("khach.lv", StringComparison.Ordinal) && e.Text.Contains("nhan-vien", StringComparison.Ordinal));
        AssertLogHoldsNoSecret();
    }

    [Fact]
    public async Task Sso_CallbackOpenedInAnotherBrowser_IsRefused()
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var victim = fixture.Browser();
        using var attacker = fixture.Browser();

        // The state is bound to the browser that asked (correlation cookie): a code and state carried to another browser are worthless.
        var callback = await attacker.UntilCallbackAsync("/dang-nhap/sso?returnUrl=%2F");
        await AssertRefusedAsync(victim, callback.ToString());
    }

    [Fact]
    public async Task Sso_TamperedState_IsRefused()
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();

        var callback = await browser.UntilCallbackAsync("/dang-nhap/sso?returnUrl=%2F");
        string query = callback.Query;
        int state = query.IndexOf("state=", StringComparison.Ordinal) + "state=".Length;
        string tampered = callback.GetLeftPart(UriPartial.Path) + query[..state] + "X" + query[(state + 1)..];

        await AssertRefusedAsync(browser, tampered);
    }

    [Theory]
    [InlineData(TestOidcProvider.Tampering.WrongNonce)]
    [InlineData(TestOidcProvider.Tampering.ForeignKey)]
    public async Task Sso_IdTokenWithAnotherNonceOrSignedWithAnotherKey_IsRefused(TestOidcProvider.Tampering tamper)
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        fixture.Provider.Tamper = tamper;
        try
        {
            using var browser = fixture.Browser();
            var callback = await browser.UntilCallbackAsync("/dang-nhap/sso?returnUrl=%2Fnhap-lieu");

            await AssertRefusedAsync(browser, callback.ToString());
            // The provider handed out a token: the dashboard itself refused it.
            Assert.Empty(fixture.Provider.TokenErrors);
        }
        finally
        {
            fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        }
    }

    [Theory]
    [InlineData("https://lua-dao.example/dang-nhap")]
    [InlineData("//lua-dao.example/")]
    [InlineData("/\\lua-dao.example/")]
    public async Task Sso_ReturnUrlOffSite_LandsOnTheHomePageInstead(string returnUrl)
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();

        var page = await browser.OpenAsync("/dang-nhap/sso?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/", PathOf(browser.Trail[^1]));
    }

    [Fact]
    public async Task Sso_On_LocalAccountsStillSignInWithTheForm()
    {
        using var browser = fixture.Browser();
        string form = await browser.Dashboard.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));

        var response = await browser.Dashboard.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = Roles.Operator, ["password"] = DashboardFactory.Password, ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));
        var manual = await browser.Dashboard.GetAsync(new Uri("/nhap-lieu", UriKind.Relative));

        Assert.Contains(SsoText, form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
    }

    [Fact]
    public async Task Sso_SignOut_EndsTheDashboardSession()
    {
        fixture.Provider.NextUser = new ProviderUser("an.nv", "Nguyễn Văn An", ["ict-staff"]);
        fixture.Provider.Tamper = TestOidcProvider.Tampering.None;
        using var browser = fixture.Browser();
        var home = await browser.OpenAsync("/dang-nhap/sso?returnUrl=%2F");
        string html = await home.Content.ReadAsStringAsync();

        var signOut = await browser.Dashboard.PostAsync(new Uri("/dang-xuat", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = DashboardFactory.Token(html) }));
        var after = await browser.Dashboard.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/dang-nhap", PathOf(after.Headers.Location!), StringComparison.Ordinal);
    }

    private static string PathOf(Uri url) => url.IsAbsoluteUri ? url.PathAndQuery : url.OriginalString;

    private static string SsoLink(string html)
    {
        const string marker = "<a href=\"/dang-nhap/sso";
        int start = html.IndexOf(marker, StringComparison.Ordinal) + "<a href=\"".Length;
        Assert.True(start >= "<a href=\"".Length, "no SSO link on the login page");
        return WebUtility.HtmlDecode(html[start..html.IndexOf('"', start)]);
    }

    /// <summary>The callback ends on the login page with the SSO error, and the browser is not signed in.</summary>
    private static async Task AssertRefusedAsync(OidcBrowser browser, string callback)
    {
        var page = await browser.OpenAsync(callback);
        var manual = await browser.Dashboard.GetAsync(new Uri("/nhap-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("/dang-nhap?sso=loi", PathOf(browser.Trail[^1]), StringComparison.Ordinal);
        Assert.Contains(SsoFailedText, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(browser.DashboardAnswers.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var v) ? v : []),
            c => c.StartsWith("kpimonitor=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, manual.StatusCode);
        Assert.StartsWith("/dang-nhap", PathOf(manual.Headers.Location!), StringComparison.Ordinal);
    }

    private void AssertLogHoldsNoSecret()
    {
        string log = fixture.Log.AllText;
        Assert.DoesNotContain(TestOidcProvider.ClientSecret, log, StringComparison.Ordinal);
        Assert.All(fixture.Provider.Issued, issued => Assert.DoesNotContain(issued, log, StringComparison.Ordinal));
    }
}
