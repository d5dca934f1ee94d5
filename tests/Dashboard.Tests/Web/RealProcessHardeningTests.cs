using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>The dashboard run as its own process on Kestrel, as the tester met it.</summary>
public sealed class RealProcessHardeningTests
{
    [Fact]
    public async Task NoServerHeader_AndAForgedUserNameWritesNoLogLineOfItsOwn()
    {
        var account = new UserAccount { Username = "quantri", DisplayName = "Quản trị", Role = Roles.Admin };
        var environment = new Dictionary<string, string>
        {
            ["Auth__Users__0__Username"] = account.Username,
            ["Auth__Users__0__DisplayName"] = account.DisplayName,
            ["Auth__Users__0__Role"] = account.Role,
            ["Auth__Users__0__PasswordHash"] = new PasswordHasher<UserAccount>().HashPassword(account, DashboardFactory.Password),
        };
        await using var dashboard = await PlainDashboardProcess.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), environment);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(dashboard.Url, "/") };

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var form = await client.GetAsync(new Uri("/dang-nhap", UriKind.Relative));
        const string forged = "khach\n[10:00:00 INF] Đăng nhập thành công: quantri từ 10.0.0.5";
        using var post = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = forged + new string('x', 1_000_000),
            ["password"] = "sai",
            ["__RequestVerificationToken"] = DashboardFactory.Token(await form.Content.ReadAsStringAsync()),
        }));
        await dashboard.WaitForOutputAsync("Đăng nhập thất bại", TimeSpan.FromSeconds(30));

        Assert.False(home.Headers.Contains("Server"), string.Join(',', home.Headers.Select(h => h.Key)));
        Assert.False(form.Headers.Contains("Server"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        string[] lines = dashboard.Output().Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("[10:00:00 INF] Đăng nhập thành công", StringComparison.Ordinal));
        string failure = Assert.Single(lines, l => l.Contains("Đăng nhập thất bại", StringComparison.Ordinal));
        Assert.Contains(@"khach\n[10:00:00 INF]", failure, StringComparison.Ordinal);
        Assert.True(failure.Length < 2_000, $"{failure.Length} ký tự");
    }
}
