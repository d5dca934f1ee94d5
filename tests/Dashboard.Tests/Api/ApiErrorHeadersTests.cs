using System.Net;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Http;
using KpiMonitor.Dashboard.Tests.Web;

namespace KpiMonitor.Dashboard.Tests.Api;

/// <summary>Every JSON error of the API keeps the security headers and Cache-Control, and none repeats the path it was sent.</summary>
public sealed class ApiErrorHeadersTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string, string?, HttpStatusCode> Errors() => new()
    {
        { "GET", "/api/kpis", null, HttpStatusCode.Unauthorized },
        { "GET", "/api/kpis", "sai-khoa", HttpStatusCode.Unauthorized },
        { "GET", "/api/khong-co-%3Cscript%3Ealert(1)%3C%2Fscript%3E", DashboardFactory.ApiKey, HttpStatusCode.NotFound },
        { "POST", "/api/kpis", DashboardFactory.ApiKey, HttpStatusCode.MethodNotAllowed },
        { "TRACE", "/api/kpis", DashboardFactory.ApiKey, HttpStatusCode.MethodNotAllowed },
        { "GET", "/api/kpis/online_dossier_rate/series?months=abc", DashboardFactory.ApiKey, HttpStatusCode.BadRequest },
        { "GET", "/api/kpis/online_dossier_rate/latest?asOf=9999-12-31", DashboardFactory.ApiKey, HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task AnErrorAnswer_KeepsTheSecurityHeaders(string method, string path, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await factory.Anonymous().SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.StartsWith("{\"error\":", body, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("khong-co", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A500_KeepsTheHeadersSetBeforeTheEndpoint_AndDropsTheEndpointsOwn()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/kpis";
        context.Response.Body = new MemoryStream();
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.CacheControl = "no-store";
        var logger = new CapturingLogger<ApiErrors>();
        var middleware = new ApiErrors(c =>
        {
            c.Response.Headers.ContentDisposition = "attachment; filename=x.csv";
            throw new InvalidOperationException("hỏng");
        }, logger);

        await middleware.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("DENY", context.Response.Headers.XFrameOptions.ToString());
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.False(context.Response.Headers.ContainsKey("Content-Disposition"));
        Assert.Contains("hỏng", logger.AllText, StringComparison.Ordinal);
    }
}
