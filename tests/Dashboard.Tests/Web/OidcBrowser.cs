namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// Follows redirects the way a browser would between the dashboard (in-memory test server, keeping cookies)
/// and the test provider (real HTTP on loopback), and remembers every address it went through.
/// </summary>
public sealed class OidcBrowser(HttpClient dashboard, TestOidcProvider provider) : IDisposable
{
    private readonly HttpClient _provider = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public HttpClient Dashboard => dashboard;

    /// <summary>Every address requested, in order.</summary>
    public List<Uri> Trail { get; } = [];

    /// <summary>Every dashboard answer on the way, to look at the cookies it set.</summary>
    public List<HttpResponseMessage> DashboardAnswers { get; } = [];

    /// <summary>Opens <paramref name="url"/> and follows redirects to the page they end on.</summary>
    public async Task<HttpResponseMessage> OpenAsync(string url) => await FollowAsync(new Uri(url, UriKind.RelativeOrAbsolute), stopAtCallback: false);

    /// <summary>Follows redirects until the provider sends the browser back to the dashboard's callback; returns that address, not yet opened.</summary>
    public async Task<Uri> UntilCallbackAsync(string url)
    {
        var response = await FollowAsync(new Uri(url, UriKind.RelativeOrAbsolute), stopAtCallback: true);
        Assert.True(IsRedirect(response), $"expected the provider's redirect to the callback, got {(int)response.StatusCode}");
        return response.Headers.Location!;
    }

    public void Dispose()
    {
        _provider.Dispose();
        dashboard.Dispose();
    }

    private static bool IsRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null;

    private async Task<HttpResponseMessage> FollowAsync(Uri url, bool stopAtCallback)
    {
        for (int hop = 0; hop < 12; hop++)
        {
            Trail.Add(url);
            HttpResponseMessage response;
            if (provider.IsProviderUrl(url))
            {
                response = await _provider.GetAsync(url);
            }
            else
            {
                response = await dashboard.GetAsync(url);
                DashboardAnswers.Add(response);
            }

            if (!IsRedirect(response))
            {
                return response;
            }

            var next = response.Headers.Location!;
            if (stopAtCallback && next.IsAbsoluteUri && next.AbsolutePath == "/signin-oidc")
            {
                return response;
            }

            if (!next.OriginalString.StartsWith('/') && !(next.IsAbsoluteUri && (next.Host == "localhost" || provider.IsProviderUrl(next)))
                || next.OriginalString.StartsWith("//", StringComparison.Ordinal) || next.OriginalString.StartsWith("/\\", StringComparison.Ordinal))
            {
                // A browser would leave for another site here; the trail ends with that address.
                Trail.Add(next);
                return response;
            }

            url = next;
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" → ", Trail));
    }
}
