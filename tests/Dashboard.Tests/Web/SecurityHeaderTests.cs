namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class SecurityHeaderTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/dang-nhap")]
    [InlineData("/khong-co-trang-nay")]
    public async Task EveryAnswer_DeniesPowerfulBrowserFeatures_ThroughAPermissionsPolicy(string path)
    {
        var response = await factory.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        string policy = response.Headers.GetValues("Permissions-Policy").Single();
        Assert.Contains("camera=()", policy, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", policy, StringComparison.Ordinal);
    }
}
