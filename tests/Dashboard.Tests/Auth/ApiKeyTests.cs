using System.Net;
using KpiMonitor.Dashboard.Tests.Web;

namespace KpiMonitor.Dashboard.Tests.Auth;

/// <summary>The integrations' API key through real HTTP: what it opens, and what many wrong keys get.</summary>
public sealed class ApiKeyTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chi-tieu/online_dossier_rate")]
    [InlineData("/don-vi/LCU")]
    [InlineData("/nguon-du-lieu")]
    [InlineData("/bieu-do/xu-huong/online_dossier_rate.png")]
    [InlineData("/bieu-do/nho/online_dossier_rate.png")]
    [InlineData("/chi-tieu/digitization_rate/xuat.csv")]
    [InlineData("/chi-tieu/digitization_rate/xuat.xlsx?unit=LCU")]
    [InlineData("/nguon-du-lieu/xuat.csv")]
    [InlineData("/don-vi/LCU/xuat.csv?month=2025-06")]
    public async Task TheKey_OpensNoPageChartOrExport(string path)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/kpis")]
    [InlineData("/API/kpis")]
    [InlineData("/api/units")]
    public async Task TheKey_OpensTheJsonApi(string path)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongKeys_FromOneAddress_Get429WithRetryAfter_OtherAddressesAreNotHeldUp()
    {
        using var app = factory.WithClientAddresses(("Auth:ApiKeyFailuresPerMinutePerAddress", "5"));
        var guesser = app.From("203.0.113.50");
        var codes = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (int i = 0; i < 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/kpis", UriKind.Relative));
            request.Headers.Add("X-API-Key", "sai-" + i);
            last = await guesser.SendAsync(request);
            codes.Add(last.StatusCode);
        }

        using var rightKeyTooLate = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/kpis", UriKind.Relative));
        rightKeyTooLate.Headers.Add("X-API-Key", DashboardFactory.ApiKey);
        var refused = await guesser.SendAsync(rightKeyTooLate);
        var other = app.From("10.0.0.8");
        other.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);
        var served = await other.GetAsync(new Uri("/api/kpis", UriKind.Relative));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 95)], codes);
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Contains("Quá nhiều lần gửi khóa API sai", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
