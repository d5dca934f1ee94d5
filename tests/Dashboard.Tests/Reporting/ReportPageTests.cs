using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace KpiMonitor.Dashboard.Tests.Reporting;

/// <summary>The report page against the real dashboard, its real SQLite store and a real archive folder.</summary>
public sealed partial class ReportPageTests : IClassFixture<DashboardFactory>, IDisposable
{
    private const string Commune = "LCU.X.TANPHONG";
    private const string CommuneName = "Phường Tân Phong";
    private static readonly DateOnly Month = new(2026, 10, 1);
    private readonly string _archive = Directory.CreateTempSubdirectory("kpimonitor-report-page-").FullName;
    private readonly WebApplicationFactory<AccountStore> _app;

    public ReportPageTests(DashboardFactory factory) =>
        _app = factory.WithWebHostBuilder(b => b.UseSetting("Reports:ArchiveFolder", _archive));

    [Fact]
    public async Task Operator_GeneratesAPastMonthForACommune_ProgressReachesDone_AndTheDownloadIsAPdfNamingTheUnit()
    {
        await SeedAsync(Commune);
        var op = await DashboardFactory.SignInAsync(_app, Roles.Operator);

        var posted = await PostAsync(op, Commune, "2026-10");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        string page = await op.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));
        string run = RunId().Match(page).Groups[1].Value;
        var stages = new List<string>();
        await Eventually.WaitUntilAsync(() =>
        {
            using var json = JsonDocument.Parse(op.GetStringAsync(new Uri("/bao-cao/tien-do/" + run, UriKind.Relative)).GetAwaiter().GetResult());
            stages.Add(json.RootElement.GetProperty("stage").GetString()!);
            return stages[^1] is "done" or "failed";
        }, "the report to be made", TimeSpan.FromSeconds(60));
        Assert.Equal("done", stages[^1]);
        string listed = await op.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));
        Assert.Contains("Đã xong", listed, StringComparison.Ordinal);
        Assert.Contains($"/bao-cao/tai-ve/2026-10/{Commune}/docx", listed, StringComparison.Ordinal);
        var viewer = await DashboardFactory.SignInAsync(_app, Roles.Viewer);
        var download = await viewer.GetAsync(new Uri($"/bao-cao/tai-ve/2026-10/{Commune}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"bao-cao-{Commune}-2026-10.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        using var pdf = PdfDocument.Open(await download.Content.ReadAsByteArrayAsync());
        string text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(CommuneName, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCurrentOrAFutureMonth_IsRefusedWithAVietnameseReason_AndNothingIsQueued()
    {
        var op = await DashboardFactory.SignInAsync(_app, Roles.Operator);
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        string current = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var thisMonth = await PostAsync(op, Commune, current);
        var future = await PostAsync(op, Commune, "2099-01");

        Assert.Equal(HttpStatusCode.BadRequest, thisMonth.StatusCode);
        Assert.Contains("Chỉ lập được báo cáo cho tháng đã kết thúc", await thisMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        string page = await future.Content.ReadAsStringAsync();
        Assert.Contains("tháng 01/2099 chưa kết thúc", page, StringComparison.Ordinal);
        // Other tests' hosts share this store, so their runs show here (as another replica's would): none is of these months.
        var runs = await _app.Services.GetRequiredService<KpiMonitor.Dashboard.Reporting.ReportQueue>().RecentAsync(CancellationToken.None);
        Assert.DoesNotContain(runs, r => r.Month >= new DateOnly(today.Year, today.Month, 1));
    }

    [Fact]
    public async Task Viewer_CannotPost_ButSeesTheListWithoutTheForm()
    {
        var viewer = await DashboardFactory.SignInAsync(_app, Roles.Viewer);

        string page = await viewer.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));
        var posted = await viewer.PostAsync(new Uri("/bao-cao", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["unit"] = Commune, ["month"] = "2026-10", ["__RequestVerificationToken"] = DashboardFactory.Token(page),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.DoesNotContain("name=\"month\"", page, StringComparison.Ordinal);
        Assert.Contains("chỉ cán bộ vận hành hoặc quản trị", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/bao-cao\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_ServeOnlyArchiveFiles()
    {
        var viewer = await DashboardFactory.SignInAsync(_app, Roles.Viewer);
        File.WriteAllText(Path.Combine(_archive, "secret.txt"), "x");

        foreach (string path in new[] { "/bao-cao/tai-ve/2026-10/..%2Fsecret.txt/pdf", "/bao-cao/tai-ve/2026-10/LCU/txt", "/bao-cao/tai-ve/..%2F..%2Fetc/LCU/pdf", "/bao-cao/tai-ve/2026-10/LCU/pdf" })
        {
            var response = await viewer.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var anonymous = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri("/bao-cao/tai-ve/2026-10/LCU/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task OtherRequests_AreServed_WhileReportsAreBeingMade()
    {
        await SeedAsync("LCU");
        var op = await DashboardFactory.SignInAsync(_app, Roles.Operator);
        for (int back = 0; back < 4; back++)
        {
            var posted = await PostAsync(op, "LCU", Month.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var started = DateTime.UtcNow;
        string page = await op.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));
        var served = await op.GetAsync(new Uri("/nguon-du-lieu", UriKind.Relative));
        var took = DateTime.UtcNow - started;
        string after = await op.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        // Four province reports, one at a time: the requests above were answered while some were still waiting.
        Assert.Matches("data-stage=\"(queued|content|pdf|docx|xlsx)\"", after);
        Assert.Contains("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
    }

    [Fact]
    public async Task AReportThatCannotBeWritten_EndsFailed_WithAVietnameseReason_AndTheNextIsStillMade()
    {
        // The archive folder is a file: nothing can be written under it.
        string blocked = Path.Combine(_archive, "khong-phai-thu-muc");
        File.WriteAllText(blocked, "x");
        var app = _app.WithWebHostBuilder(b => b.UseSetting("Reports:ArchiveFolder", blocked));
        var op = await DashboardFactory.SignInAsync(app, Roles.Operator);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(op, Commune, "2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(op, Commune, "2026-08")).StatusCode);

        string page = "";
        await Eventually.WaitUntilAsync(() =>
        {
            page = op.GetStringAsync(new Uri("/bao-cao", UriKind.Relative)).GetAwaiter().GetResult();
            return !ActiveStage().IsMatch(page);
        }, "both runs to end", TimeSpan.FromSeconds(60));
        Assert.Equal(2, FailedStage().Count(page));
        Assert.Contains("Không thành công: Không ghi được tệp vào thư mục lưu trữ báo cáo", page, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string unit, string month) => PostFormAsync(client, unit, month);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string unit, string month)
    {
        string form = await client.GetStringAsync(new Uri("/bao-cao", UriKind.Relative));
        return await client.PostAsync(new Uri("/bao-cao", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["unit"] = unit, ["month"] = month, ["__RequestVerificationToken"] = DashboardFactory.Token(form),
        }));
    }

    // A year of figures up to the reported month, as the demo's sources would have sent them.
    private async Task SeedAsync(string unit)
    {
        var store = _app.Services.GetRequiredService<ITimeSeriesStore>();
        var observations = new List<Observation>();
        for (int back = 0; back < 14; back++)
        {
            var start = VietnamTime.StartOf(Month.AddMonths(-back));
            observations.Add(Observation.Ratio("online_dossier_rate", unit, start, 80 + back, 100, "dvc"));
            observations.Add(Observation.Scalar("late_dossiers", unit, start, 3 + back, "dvc"));
        }

        await store.WriteAsync(observations, CancellationToken.None);
    }

    [GeneratedRegex("data-stage=\"(queued|content|pdf|docx|xlsx)\"")]
    private static partial Regex ActiveStage();

    [GeneratedRegex("data-stage=\"failed\"")]
    private static partial Regex FailedStage();

    [GeneratedRegex("data-run=\"([0-9a-f-]{36})\"")]
    private static partial Regex RunId();

    public void Dispose() => Directory.Delete(_archive, recursive: true);
}
