using System.Net;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>The Host header is the caller's to choose: the login redirect never names it.</summary>
public sealed class HostHeaderTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chi-tieu/online_dossier_rate?unit=LCU")]
    [InlineData("/nguon-du-lieu/xuat.csv")]
    public async Task TheLoginRedirect_IsAPath_WhateverTheHost(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        string location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("evil.example", location, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/dang-nhap?ReturnUrl=", location, StringComparison.Ordinal);
    }
}
