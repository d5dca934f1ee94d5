using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Hosting;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class AdminPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    public async Task OthersThanAdmins_AreRefused(string role)
    {
        var client = await factory.SignedInAsync(role);

        var response = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/khong-co-quyen", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutLogin_GoesToTheLoginPage()
    {
        var response = await factory.Anonymous().GetAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.StartsWith("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SeesTargetsAccountsAndStore_ButNoPasswordHash()
    {
        var admin = await factory.SignedInAsync(Roles.Admin);
        await admin.GetByteArrayAsync(new Uri("/bieu-do/nho/e_document_rate.png", UriKind.Relative));
        await admin.GetByteArrayAsync(new Uri("/bieu-do/nho/e_document_rate.png", UriKind.Relative));

        string html = await admin.GetStringAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Contains("QĐ 749/QĐ-TTg", html, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"online_work_record_rate\"", html, StringComparison.Ordinal);
        foreach (string role in Roles.All)
        {
            Assert.Contains($"data-user=\"{role}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("SQLite", html, StringComparison.Ordinal);
        Assert.Matches(@"Bộ đệm biểu đồ</th><td>[1-9][0-9]* ảnh đang giữ \([0-9,]+ MB\) · [1-9][0-9]* lần vẽ · [1-9][0-9]* lần dùng lại", html);
        Assert.Contains(PasswordHashCommand.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", html, StringComparison.Ordinal); // every PasswordHasher v3 hash starts so
    }

    [Fact]
    public void HashPasswordCommand_PrintsAHashTheAccountStoreAccepts_AndRefusesShortPasswords()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        int ok = PasswordHashCommand.Run(new StringReader("Mat-khau-rat-dai-2026\n"), output, error, interactive: false);
        int tooShort = PasswordHashCommand.Run(new StringReader("ngan\n"), new StringWriter(), error, interactive: false);

        Assert.Equal(0, ok);
        Assert.Equal(2, tooShort);
        Assert.Contains("ít nhất 10 ký tự", error.ToString(), StringComparison.Ordinal);
        string hash = output.ToString().Trim();
        var account = new UserAccount { Username = "canbo.moi", Role = Roles.Operator, PasswordHash = hash };
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<UserAccount>().VerifyHashedPassword(account, hash, "Mat-khau-rat-dai-2026"));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<UserAccount>().VerifyHashedPassword(account, hash, "Mat-khau-khac-2026"));
    }
}
