using System.Net;
using KpiMonitor.Dashboard.Tests.Web;

namespace KpiMonitor.Dashboard.Tests.Api;

public sealed class KpiApiDateRangeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/api/kpis/online_dossier_rate/latest?asOf=9999-12-31")]
    [InlineData("/api/kpis/online_dossier_rate/latest?asOf=0001-01-01")]
    [InlineData("/api/units?asOf=9999-12-31")]
    [InlineData("/api/units?asOf=0001-01-01")]
    [InlineData("/api/units?asOf=1969-12-31")]
    [InlineData("/api/kpis/online_dossier_rate/latest?asOf=2201-01-01")]
    public async Task ADateOutsideTheSupportedRange_Is400NamingTheParameter(string path)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
