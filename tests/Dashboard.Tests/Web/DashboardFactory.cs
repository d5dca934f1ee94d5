using KpiMonitor.Dashboard.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The dashboard in production shape (demo off) on a fresh embedded store, with one account per role and an
/// API key, as an operator would configure them.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<AccountStore>
{
    public const string Password = "Mat-khau-thu-2026";
    public const string ApiKey = "khoa-api-thu-nghiem";
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-dashboard-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "store.db"));
        builder.UseSetting("Auth:ApiKey", ApiKey);
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "1000");
        builder.UseSetting("Manual:AuditFile", Path.Combine(_folder, "audit.jsonl"));
        // Tests look at the audit trail right after writing to it from another instance.
        builder.UseSetting("Manual:AuditRefreshInterval", "00:00:00");
        // Tests write figures and look at them at once: the rollup cache checks for changes on every request
        // and waits for the new snapshot, so pages still go through it but never show figures from before a write.
        builder.UseSetting("Rollups:Cache:CheckInterval", "00:00:00");
        builder.UseSetting("Rollups:Cache:ServeStale", "false");
        // Many test hosts start at once on 2 cores: a first request waits for the start-up reading rather than get
        // its progress page (WarmupTests sets its own, short wait).
        builder.UseSetting("Rollups:Warmup:Wait", "00:01:00");
        // Tests write alert events and look at the page at once: no cached alert overview between requests.
        builder.UseSetting("Alerts:Reading:RefreshInterval", "00:00:00");
        // ...and seed events hours or days in the past after newer ones: every read looks back far enough to find them.
        builder.UseSetting("Alerts:Reading:Overlap", "30.00:00:00");
        var hasher = new PasswordHasher<UserAccount>();
        string[] roles = [Roles.Viewer, Roles.Operator, Roles.Admin];
        for (int i = 0; i < roles.Length; i++)
        {
            var account = new UserAccount { Username = roles[i], DisplayName = "Người dùng " + roles[i], Role = roles[i] };
            builder.UseSetting($"Auth:Users:{i}:Username", account.Username);
            builder.UseSetting($"Auth:Users:{i}:DisplayName", account.DisplayName);
            builder.UseSetting($"Auth:Users:{i}:Role", account.Role);
            builder.UseSetting($"Auth:Users:{i}:PasswordHash", hasher.HashPassword(account, Password));
        }
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login form (with its anti-forgery token).</summary>
    public Task<HttpClient> SignedInAsync(string user = Roles.Viewer) => SignInAsync(this, user);

    /// <summary>A client of <paramref name="app"/> (this factory or one derived with other settings) signed in as <paramref name="user"/>.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<AccountStore> app, string user = Roles.Viewer)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/dang-nhap", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = user,
            ["password"] = Password,
            ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string Token(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        int start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
