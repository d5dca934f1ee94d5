using System.Net;
using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>Web:Https adds HSTS and sends plain HTTP to HTTPS; X-Forwarded-* count only from the proxies named in Web:.</summary>
public sealed class HttpsAndProxyTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Proxy = "10.9.9.9";

    [Fact]
    public async Task WithHttps_AnHttpsAnswerCarriesHsts()
    {
        using var app = With(https: true);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });

        using var response = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutHttps_NoHsts()
    {
        using var app = With(https: false);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://dashboard.example") });

        using var response = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(Proxy, HttpStatusCode.OK)]
    [InlineData("10.9.9.10", HttpStatusCode.TemporaryRedirect)]
    public async Task XForwardedProto_IsBelievedOnlyFromTheConfiguredProxy(string peer, HttpStatusCode expected)
    {
        using var app = With(https: true, proxy: Proxy);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://dashboard.example") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dang-nhap", UriKind.Relative));
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AnUnreadableProxyAddress_StopsTheStart()
    {
        var (exitCode, output) = await PlainDashboardProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Web__KnownNetworks__0"] = "172.18.0.0/99",
            ["Web__KnownProxies__0"] = "proxy.local",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("Web:KnownNetworks:0 '172.18.0.0/99' không phải mạng dạng CIDR", output, StringComparison.Ordinal);
        Assert.Contains("Web:KnownProxies:0 'proxy.local' không phải địa chỉ IP", output, StringComparison.Ordinal);
    }

    private WebApplicationFactory<AccountStore> With(bool https, string? proxy = null) => factory.WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("Web:Https", https ? "true" : "false");
        b.UseSetting("Web:HttpsPort", "443");
        if (proxy is not null)
        {
            b.UseSetting("Web:KnownProxies:0", proxy);
        }

        // The test server has no peer address: the test says which machine the request comes from.
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    });

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Peer"].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return following(context);
            });
            next(app);
        };
    }
}
