using System.Net;
using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// <c>Auth:KeyRingDirectory</c>: a sign-in made before a restart (a recreated container) still opens pages after it,
/// because the keys that sign the cookie are in the folder, not in the process.
/// </summary>
public sealed class KeyRingTests(DashboardFactory factory) : IClassFixture<DashboardFactory>, IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("kpimonitor-keys-").FullName;
    private readonly string _otherKeys = Directory.CreateTempSubdirectory("kpimonitor-keys-").FullName;

    [Fact]
    public async Task ASignInCookie_OutlivesTheProcess_WhenTheKeysAreKeptInAFolder()
    {
        string cookie;
        using (var before = WithKeys(_keys))
        {
            cookie = await SignInCookieAsync(before);
        }

        using var after = WithKeys(_keys);
        using var elsewhere = WithKeys(_otherKeys);
        using var opened = await SourcesPageAsync(after, cookie);
        using var refused = await SourcesPageAsync(elsewhere, cookie);

        Assert.NotEmpty(Directory.GetFiles(_keys, "key-*.xml"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode); // other keys: the same cookie is a stranger's
        Assert.Equal("/dang-nhap", refused.Headers.Location!.OriginalString.Split('?')[0]);
    }

    public void Dispose()
    {
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_otherKeys, recursive: true);
    }

    private WebApplicationFactory<AccountStore> WithKeys(string folder) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:KeyRingDirectory", folder));

    /// <summary>Signs in through the form, carrying cookies by hand, and returns the session cookie ("kpimonitor=…").</summary>
    private static async Task<string> SignInCookieAsync(WebApplicationFactory<AccountStore> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        string antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/dang-nhap", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = Roles.Viewer,
                ["password"] = DashboardFactory.Password,
                ["__RequestVerificationToken"] = DashboardFactory.Token(await form.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("kpimonitor=", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SourcesPageAsync(WebApplicationFactory<AccountStore> app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/nguon-du-lieu", UriKind.Relative)); // reads no rollups: no warm-up to wait for
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
