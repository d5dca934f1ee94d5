using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// A 50 MB upload, against the real process (Kestrel enforces request limits; the in-memory test server does not)
/// and through the test server: a 413 page naming the limit, never a 500.
/// </summary>
public sealed class UploadSizeLimitTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    [Fact]
    public async Task A50MBUpload_ToTheRealProcess_Is413_WithAPageNamingTheLimit()
    {
        var account = new UserAccount { Username = "canbo", DisplayName = "Cán bộ", Role = Roles.Operator };
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        await using var dashboard = await PlainDashboardProcess.StartAsync(url, new Dictionary<string, string>
        {
            ["Auth__Users__0__Username"] = account.Username,
            ["Auth__Users__0__DisplayName"] = account.DisplayName,
            ["Auth__Users__0__Role"] = account.Role,
            ["Auth__Users__0__PasswordHash"] = new PasswordHasher<UserAccount>().HashPassword(account, DashboardFactory.Password),
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = url,
        };
        string login = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        using var signIn = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = account.Username, ["password"] = DashboardFactory.Password, ["__RequestVerificationToken"] = DashboardFactory.Token(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (bool declared in new[] { true, false })
        {
            // Without a declared length (chunked), Kestrel itself stops reading at the limit.
            using var response = await UploadAsync(client, FiftyMegabytes, declared);
            string page = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("Tệp tải lên quá lớn: mỗi tệp tối đa 20 MB", page, StringComparison.Ordinal);
            Assert.DoesNotContain("lỗi đã được ghi lại", page, StringComparison.Ordinal);
        }

        // Still serving, and the next, normal upload is read.
        using var small = await UploadAsync(client, 0);
        Assert.NotEqual(HttpStatusCode.InternalServerError, small.StatusCode);
    }

    [Fact]
    public async Task A50MBUpload_ThroughTheTestServer_Is413_InEnglishToo()
    {
        var client = await factory.SignedInAsync(Roles.Operator);
        client.DefaultRequestHeaders.Add("Cookie", "lang=en");

        using var response = await UploadAsync(client, FiftyMegabytes);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The uploaded file is too large: at most 20 MB per file.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int size, bool declaredLength = true)
    {
        string form = await client.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));
        byte[] body = size == 0 ? "kpi,unit,period,value\n"u8.ToArray() : new byte[size];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(DashboardFactory.Token(form)), "__RequestVerificationToken" },
            { declaredLength ? new ByteArrayContent(body) : new UndeclaredLength(body), "file", "lon.csv" },
        };
        return await client.PostAsync(new Uri("/nhap-lieu?handler=Upload", UriKind.Relative), content);
    }

    /// <summary>Content whose length is not known in advance, so the client sends the request body chunked.</summary>
    private sealed class UndeclaredLength(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
