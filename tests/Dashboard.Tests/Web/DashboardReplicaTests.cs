using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Identity;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// Two real dashboard processes on one store, as two replicas behind one address (ADR 016): a person signed in on one
/// is signed in on the other, a figure saved on one shows on the other with its audit entry, and the other's rollup
/// cache learns of it through the store's change versions; a sign-out on one ends the session on the other.
/// </summary>
public sealed class DashboardReplicaTests : IDisposable
{
    private const string Kpi = "par_plan_progress";
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-replicas-").FullName;

    [Fact]
    public Task TwoReplicas_OnOneSqliteFile_ShareSignIn_FiguresAndAuditTrail() =>
        RunAsync(new Dictionary<string, string> { ["Storage__Sqlite__Path"] = Path.Combine(_folder, "store.db") });

    [Fact]
    public async Task TwoReplicas_OnOneInfluxd_ShareSignIn_FiguresAndAuditTrail()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await RunAsync(new Dictionary<string, string> { ["Storage__Influx__Url"] = influxd.Url.ToString(), ["Storage__Influx__Database"] = "replicas" });
    }

    private async Task RunAsync(Dictionary<string, string> store)
    {
        var account = new UserAccount { Username = "canbo", DisplayName = "Cán bộ CNTT", Role = Roles.Operator };
        var environment = new Dictionary<string, string>(store)
        {
            ["Auth__Users__0__Username"] = account.Username,
            ["Auth__Users__0__DisplayName"] = account.DisplayName,
            ["Auth__Users__0__Role"] = account.Role,
            ["Auth__Users__0__PasswordHash"] = new PasswordHasher<UserAccount>().HashPassword(account, DashboardFactory.Password),
            ["Rollups__Warmup__Wait"] = "00:01:00",
            ["Reports__ArchiveFolder"] = Path.Combine(_folder, "reports"), // one archive for both, as a shared volume
        };
        // Each its own home folder, as on two machines or containers: ASP.NET Core's default key folder is not shared.
        // The second starts after the first has made the key ring, as a replica added later; both then read the store.
        await using var a = await PlainDashboardProcess.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), WithHome(environment, "a"));
        await using var b = await PlainDashboardProcess.StartAsync(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), WithHome(environment, "b"));
        var jar = new CookieJar();
        using var onA = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = a.Url };
        using var onB = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = b.Url };

        // Sign in on A; the cookie moves to B.
        string loginForm = await jar.GetStringAsync(onA, "/dang-nhap");
        using var signIn = await jar.PostAsync(onA, "/dang-nhap", new()
        {
            ["username"] = account.Username, ["password"] = DashboardFactory.Password, ["__RequestVerificationToken"] = DashboardFactory.Token(loginForm),
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(jar.Has("kpimonitor"), "no sign-in cookie");
        var month = VietnamTime.DateOf(DateTimeOffset.UtcNow).AddMonths(-1);
        string period = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        string page = $"/nhap-lieu?kpi={Kpi}&unit=LCU";
        string series = $"/api/kpis/{Kpi}/series?unit=LCU&months=12";
        using var entryOnB = await jar.GetAsync(onB, page);
        Assert.Equal(HttpStatusCode.OK, entryOnB.StatusCode); // no redirect to /dang-nhap: B opens A's cookie
        string formOnB = await entryOnB.Content.ReadAsStringAsync();
        Assert.Contains("Cán bộ CNTT", formOnB, StringComparison.Ordinal);
        string before = await jar.GetStringAsync(onB, series); // B's rollup cache now holds the KPI without the figure
        Assert.DoesNotContain("\"numerator\":29", before, StringComparison.Ordinal);

        // Save on A, with the form token B issued (the anti-forgery keys are shared too).
        using var saved = await jar.PostAsync(onA, "/nhap-lieu?handler=Enter", new()
        {
            ["kpi"] = Kpi, ["unit"] = "LCU", ["period"] = period, ["numerator"] = "29", ["denominator"] = "41", ["value"] = "",
            ["__RequestVerificationToken"] = DashboardFactory.Token(formOnB),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // B shows the figure and who entered it (audit trail re-read within Manual:AuditRefreshInterval), its audit export
        // has the entry, and its rollups have the figure (change versions, Rollups:Cache:CheckInterval).
        string shownOnB = "", exportOnB = "", seriesOnB = "";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            shownOnB = await jar.GetStringAsync(onB, page);
            exportOnB = await jar.GetStringAsync(onB, "/nhap-lieu/nhat-ky.csv");
            seriesOnB = await jar.GetStringAsync(onB, series);
            if (shownOnB.Contains("70,7 % (29/41)", StringComparison.Ordinal) && exportOnB.Contains("29/41", StringComparison.Ordinal)
                && seriesOnB.Contains("\"numerator\":29", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Contains("70,7 % (29/41)", shownOnB, StringComparison.Ordinal);
        Assert.Matches(new Regex("canbo[^\\n]*" + Regex.Escape(Kpi)), exportOnB);
        Assert.Contains("\"numerator\":29", seriesOnB, StringComparison.Ordinal);
        Assert.Contains("\"denominator\":41", seriesOnB, StringComparison.Ordinal);
        // A report asked for on A: its run and its progress show on B (the page's refresh may land there).
        using var asked = await jar.PostAsync(onA, "/bao-cao", new()
        {
            ["unit"] = "LCU", ["month"] = period, ["__RequestVerificationToken"] = DashboardFactory.Token(await jar.GetStringAsync(onA, "/bao-cao")),
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        string runId = Regex.Match(await jar.GetStringAsync(onA, "/bao-cao"), "data-run=\"([0-9a-f-]+)\"").Groups[1].Value;
        Assert.NotEmpty(runId);
        string progressOnB = "";
        deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !progressOnB.Contains("\"stage\":\"done\"", StringComparison.Ordinal))
        {
            using var progress = await jar.GetAsync(onB, "/bao-cao/tien-do/" + runId);
            progressOnB = await progress.Content.ReadAsStringAsync();
            await Task.Delay(250);
        }

        Assert.Contains("\"stage\":\"done\"", progressOnB, StringComparison.Ordinal);
        Assert.Contains("data-run=\"" + runId + "\"", await jar.GetStringAsync(onB, "/bao-cao"), StringComparison.Ordinal);

        // Signing out on A ends the session on B too (Auth:SessionCheckInterval): a copy of the cookie opens nothing there.
        var copied = jar.Copy();
        using var signOut = await jar.PostAsync(onA, "/dang-xuat", new() { ["__RequestVerificationToken"] = DashboardFactory.Token(await jar.GetStringAsync(onA, page)) });
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        HttpStatusCode afterSignOut = HttpStatusCode.OK;
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && afterSignOut == HttpStatusCode.OK)
        {
            using var response = await copied.GetAsync(onB, page);
            afterSignOut = response.StatusCode;
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.Redirect, afterSignOut);
        Assert.False(a.Output().Contains(" ERR]", StringComparison.Ordinal), a.Output());
        Assert.False(b.Output().Contains(" ERR]", StringComparison.Ordinal), b.Output());
    }

    private Dictionary<string, string> WithHome(Dictionary<string, string> environment, string name) =>
        new(environment) { ["HOME"] = Directory.CreateDirectory(Path.Combine(_folder, "home-" + name)).FullName };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
