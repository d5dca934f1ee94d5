using System.Net;
using KpiMonitor.Dashboard.Auth;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>Methods the dashboard does not serve are a 405 with an Allow header on every address, never a page run without a handler (a 500).</summary>
public sealed class MethodGateTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        string[] paths = ["/", "/chi-tieu/online_dossier_rate", "/don-vi/LCU", "/nguon-du-lieu", "/nhap-lieu", "/quan-tri", "/dang-nhap", "/loi/404",
            "/chi-tieu/digitization_rate/xuat.csv", "/api/kpis", "/khong-co-dia-chi-nay"];
        string[] methods = ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO"];
        foreach (string path in paths)
        {
            foreach (string method in methods)
            {
                cases.Add(method, path);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnUnservedMethod_Is405WithAllow(string method, string path)
    {
        var client = await factory.SignedInAsync(Roles.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("FOO")]
    public async Task Signed_out_AnUnservedMethod_Is405Too(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/", UriKind.Relative));

        using var response = await factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
