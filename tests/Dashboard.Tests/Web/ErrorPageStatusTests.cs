using System.Net;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class ErrorPageStatusTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/loi/-1")]
    [InlineData("/loi/0")]
    [InlineData("/loi/1")]
    [InlineData("/loi/200")]
    [InlineData("/loi/302")]
    [InlineData("/loi/399")]
    [InlineData("/loi/460")]
    [InlineData("/loi/600")]
    [InlineData("/loi/1000")]
    [InlineData("/loi/2147483647")]
    public async Task StatusCodePage_WithACodeThatIsNoKnownError_Answers404(string path)
    {
        var response = await factory.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/loi/400", 400)]
    [InlineData("/loi/404", 404)]
    [InlineData("/loi/429", 429)]
    [InlineData("/loi/500", 500)]
    [InlineData("/loi/503", 503)]
    public async Task StatusCodePage_WithAKnownErrorCode_ReflectsIt(string path, int expected)
    {
        var response = await factory.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, (int)response.StatusCode);
    }
}
