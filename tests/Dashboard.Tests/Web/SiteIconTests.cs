using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Dashboard.Tests.Charts;

namespace KpiMonitor.Dashboard.Tests.Web;

// Browsers ask for /favicon.ico on every site, signed in or not; it was the sign-in page or a 404.
public sealed partial class SiteIconTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task FaviconIco_IsAnIcon_ForEveryone_SignedInOrNot()
    {
        using var anonymous = await factory.Anonymous().GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        using var signedIn = await (await factory.SignedInAsync()).GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        byte[] ico = await anonymous.Content.ReadAsByteArrayAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (anonymous.StatusCode, signedIn.StatusCode));
        Assert.Equal("image/x-icon", anonymous.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ico, await signedIn.Content.ReadAsByteArrayAsync());
        // ICONDIR: reserved 0, type 1 (icon), one image; its entry says 32 × 32 and where the PNG starts.
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0, 32, 32 }, ico[..8]);
        int offset = BitConverter.ToInt32(ico, 18);
        var png = PngImage.Read(ico[offset..]);
        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.True(png.PixelsNear("#0b4f8a") > 400, "not the brand blue");
        Assert.True(png.PixelsNear("#ffffff") > 30, "no white line on it");
    }

    [Fact]
    public async Task PagesLinkAnSvgIcon_ThatBrowsersKeepUntilItChanges()
    {
        var client = factory.Anonymous();
        string login = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        string href = IconLink().Match(login).Groups[1].Value;

        using var icon = await client.GetAsync(new Uri(href, UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(icon.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        using var ico = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        using var icoAgain = new HttpRequestMessage(HttpMethod.Get, new Uri("/favicon.ico", UriKind.Relative));
        icoAgain.Headers.IfNoneMatch.Add(ico.Headers.ETag!);
        using var icoNotModified = await client.SendAsync(icoAgain);

        Assert.Matches("^/favicon\\.svg\\?v=[0-9a-f]{12}$", href);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">", await icon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(icon.Headers.CacheControl!.Public && icon.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), icon.Headers.CacheControl.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        // /favicon.ico has no fingerprint in its address, so browsers ask again each time and get a 304.
        Assert.True(ico.Headers.CacheControl!.NoCache, ico.Headers.CacheControl.ToString());
        Assert.Equal(HttpStatusCode.NotModified, icoNotModified.StatusCode);
    }

    [GeneratedRegex("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"")]
    private static partial Regex IconLink();
}
