using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>
/// One simulated person: an HttpClient with its own cookie jar that signs in the way a browser does (the login
/// form, its antiforgery token and cookie, then the POST). Redirects are not followed, so a lost session shows
/// up as a 302 (an error) instead of a quick login page counted as a success.
/// </summary>
public static partial class BrowserClient
{
    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    // A window 1360 px or wider (a leader's desktop) loads the wide chart of the page's <picture>, the larger to draw.
    [GeneratedRegex("<source [^>]*srcset=\"(/bieu-do/xu-huong/[^\"]+)\"")]
    private static partial Regex TrendChart();

    public static HttpClient Create(Uri dashboard) => new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = dashboard,
        // The dashboard may take minutes per page at this scale before its cache exists; a figure beats a timeout.
        Timeout = TimeSpan.FromMinutes(5),
    };

    public static async Task LoginAsync(HttpClient client, string username, string password, CancellationToken cancellationToken)
    {
        string form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative), cancellationToken);
        var input = TokenInput().Match(form);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        if (!value.Success)
        {
            throw new InvalidOperationException("Trang đăng nhập không có mã chống giả mạo / the login page has no antiforgery token.");
        }

        using var content = new FormUrlEncodedContent(
        [
            new("username", username),
            new("password", password),
            new("returnUrl", ""),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(value.Groups[1].Value)),
        ]);
        using var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"Đăng nhập thất bại / login failed: {(int)response.StatusCode} → {response.Headers.Location} {body[..Math.Min(body.Length, 300)]}");
        }
    }

    /// <summary>A GET outside the measured phases: its time and body, or an exception for a non-2xx answer.</summary>
    public static async Task<(double Ms, string Body)> TimedGetAsync(HttpClient client, string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        string body = await response.Content.ReadAsStringAsync(ct);
        return response.IsSuccessStatusCode
            ? (clock.Elapsed.TotalMilliseconds, body)
            : throw new HttpRequestException($"{(int)response.StatusCode} {path} {body[..Math.Min(body.Length, 300)]}");
    }

    /// <summary>A GET outside the measured phases whose status is the finding: its time and status code.</summary>
    public static async Task<(double Ms, HttpStatusCode Status)> TimedStatusAsync(HttpClient client, string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return (clock.Elapsed.TotalMilliseconds, response.StatusCode);
    }

    /// <summary>The sparklines of an overview page's tiles.</summary>
    public static IReadOnlyList<string> SparklinePaths(string html) =>
        [.. Sparkline().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<img src=\"(/bieu-do/nho/[^\"]+)\"")]
    private static partial Regex Sparkline();

    /// <summary>The trend chart a KPI page shows, as a browser on a wide screen would fetch it.</summary>
    public static string ChartPath(string html, string kpi) => TrendChart().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidDataException($"Trang /chi-tieu/{kpi} không có biểu đồ / has no trend chart");
}
