using System.Net;
using KpiMonitor.Dashboard.Tests.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiMonitor.Dashboard.Tests.Auth;

/// <summary>Signing out through real HTTP, keeping the cookies by hand so one can be copied as a thief would.</summary>
public sealed class SignOutTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ACookieCopiedBeforeSignOut_OpensNothingAfterwards()
    {
        var jar = await SignedInJarAsync();
        var copy = new Dictionary<string, string>(jar);
        var home = await SendAsync(jar, HttpMethod.Get, "/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var signOut = await SendAsync(jar, HttpMethod.Post, "/dang-xuat", new() { ["__RequestVerificationToken"] = DashboardFactory.Token(await home.Content.ReadAsStringAsync()) });
        var page = await SendAsync(copy, HttpMethod.Get, "/");
        var api = await SendAsync(copy, HttpMethod.Get, "/api/kpis");
        var kpi = await SendAsync(copy, HttpMethod.Get, "/chi-tieu/online_dossier_rate");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/dang-nhap", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dang-nhap", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, kpi.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiForgeryToken_Is400_AndTheSessionGoesOn()
    {
        var jar = await SignedInJarAsync();

        var refused = await SendAsync(jar, HttpMethod.Post, "/dang-xuat", []);
        var wrongToken = await SendAsync(jar, HttpMethod.Post, "/dang-xuat", new() { ["__RequestVerificationToken"] = "sai" });
        var still = await SendAsync(jar, HttpMethod.Get, "/api/kpis");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task SigningOutOneSession_LeavesTheSameUsersOtherSessionOpen()
    {
        var first = await SignedInJarAsync();
        var second = await SignedInJarAsync();
        var home = await SendAsync(first, HttpMethod.Get, "/");

        await SendAsync(first, HttpMethod.Post, "/dang-xuat", new() { ["__RequestVerificationToken"] = DashboardFactory.Token(await home.Content.ReadAsStringAsync()) });

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(first, HttpMethod.Get, "/api/kpis")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(second, HttpMethod.Get, "/api/kpis")).StatusCode);
    }

    private async Task<Dictionary<string, string>> SignedInJarAsync()
    {
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        var form = await SendAsync(jar, HttpMethod.Get, "/dang-nhap");
        var signIn = await SendAsync(jar, HttpMethod.Post, "/dang-nhap", new()
        {
            ["username"] = "viewer", ["password"] = DashboardFactory.Password, ["__RequestVerificationToken"] = DashboardFactory.Token(await form.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("kpimonitor", jar.Keys);
        return jar;
    }

    private async Task<HttpResponseMessage> SendAsync(Dictionary<string, string> jar, HttpMethod method, string path, Dictionary<string, string>? form = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await client.SendAsync(request);
        foreach (string header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            string pair = header.Split(';')[0];
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string name = pair[..eq];
            string value = pair[(eq + 1)..];
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                jar.Remove(name);
            }
            else
            {
                jar[name] = value;
            }
        }

        return response;
    }
}
