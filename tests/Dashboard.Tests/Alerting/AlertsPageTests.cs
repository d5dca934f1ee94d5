using System.Net;
using System.Text.RegularExpressions;
using KpiMonitor.Alerts;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Alerting;

public sealed partial class AlertsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task FiringTab_ShowsASeededAlert_WithUnitAndKpiNames_SeverityInWords_SinceAndLink()
    {
        var key = new AlertKey("t-firing", "LCU.X.BANGIANG", "online_dossier_rate");
        var at = Now.AddHours(-2);
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Firing(key, at, AlertSeverity.Critical, "Xã Bản Giang: tỷ lệ nộp trực tuyến 25,0 %, mục tiêu 50,0 %"));
        var client = await factory.SignedInAsync();

        string html = await client.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));

        string row = Row(html, key.Id);
        Assert.Contains("data-phase=\"firing\"", row, StringComparison.Ordinal);
        Assert.Contains("Xã Bản Giang", row, StringComparison.Ordinal);
        Assert.DoesNotContain(">LCU.X.BANGIANG<", row, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ nộp trực tuyến", row, StringComparison.Ordinal);
        Assert.Contains("tỷ lệ nộp trực tuyến 25,0 %, mục tiêu 50,0 %", row, StringComparison.Ordinal);
        Assert.Contains("class=\"sev sev-critical\">Nghiêm trọng<", row, StringComparison.Ordinal);
        Assert.Contains(TextTime(at), row, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-tieu/online_dossier_rate?unit=LCU.X.BANGIANG\"", row, StringComparison.Ordinal);
        // The last thing the service recorded is shown as its last evaluation.
        Assert.Contains("Dịch vụ cảnh báo ghi nhận lần gần nhất lúc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa ghi nhận lần đánh giá nào", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingAndHistoryTabs_ListWhatBelongsThere()
    {
        var pending = new AlertKey("t-pending", "LCU.X.NATAM", "on_time_rate");
        var resolved = new AlertKey("t-resolved", "LCU.X.NATAM", "on_time_rate");
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Pending(pending, Now.AddMinutes(-5), AlertSeverity.Warning, "chờ"));
        await AlertSeeds.WriteAsync(factory.Services, [.. AlertSeeds.Firing(resolved, Now.AddDays(-2), AlertSeverity.Critical, "đã qua"),
            new AlertResolved(resolved, 3, Now.AddDays(-1), Announce: true)]);
        var client = await factory.SignedInAsync();

        string firing = await client.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));
        string pendingTab = await client.GetStringAsync(new Uri("/canh-bao?tab=pending", UriKind.Relative));
        string history = await client.GetStringAsync(new Uri("/canh-bao?tab=history&unit=LCU.X.NATAM", UriKind.Relative));

        Assert.DoesNotContain(pending.Id, firing, StringComparison.Ordinal);
        Assert.DoesNotContain(resolved.Id, firing, StringComparison.Ordinal);
        Assert.Contains("class=\"sev sev-warning\">Cần chú ý<", Row(pendingTab, pending.Id), StringComparison.Ordinal);
        Assert.DoesNotContain(resolved.Id, pendingTab, StringComparison.Ordinal);
        var kinds = HistoryRow().Matches(history).Where(m => m.Groups["id"].Value == resolved.Id).Select(m => m.Groups["kind"].Value).ToList();
        Assert.Equal(["Resolved", "Fired", "Pending"], kinds);
        Assert.Contains(">Kết thúc<", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_ByUnitWithItsChildren_Kpi_Severity_AndDays()
    {
        var commune = new AlertKey("t-filter", "LCU.X.BANBO", "online_dossier_rate");
        var department = new AlertKey("t-filter", "LCU.S.SNV", "late_dossiers");
        await AlertSeeds.WriteAsync(factory.Services, [.. AlertSeeds.Firing(commune, Now.AddDays(-3), AlertSeverity.Critical, "xã"),
            .. AlertSeeds.Firing(department, DateTimeOffset.UtcNow.AddMinutes(-3), AlertSeverity.Warning, "sở")]);
        var client = await factory.SignedInAsync();

        async Task<string> Page(string query) => await client.GetStringAsync(new Uri("/canh-bao?" + query, UriKind.Relative));

        string byUnit = await Page("unit=LCU.X.BANBO");
        Assert.Contains(commune.Id, byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain(department.Id, byUnit, StringComparison.Ordinal);
        // The province holds both.
        string province = await Page("unit=LCU");
        Assert.Contains(commune.Id, province, StringComparison.Ordinal);
        Assert.Contains(department.Id, province, StringComparison.Ordinal);
        string byKpi = await Page("kpi=late_dossiers");
        Assert.DoesNotContain(commune.Id, byKpi, StringComparison.Ordinal);
        Assert.Contains(department.Id, byKpi, StringComparison.Ordinal);
        string warnings = await Page("severity=warning");
        Assert.DoesNotContain(commune.Id, warnings, StringComparison.Ordinal);
        Assert.Contains(department.Id, warnings, StringComparison.Ordinal);
        string today = VietnamTime.DateOf(Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string recent = await Page("from=" + today);
        Assert.DoesNotContain(commune.Id, recent, StringComparison.Ordinal);
        Assert.Contains(department.Id, recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFilters_Give400_WithVietnameseReasons_NotAStackTrace()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/canh-bao?severity=nguy-hiem&from=31-12-2026&unit=KHONG.CO", UriKind.Relative));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không hợp lệ: chọn warning hoặc critical", html, StringComparison.Ordinal);
        Assert.Contains("cần dạng yyyy-MM-dd", html, StringComparison.Ordinal);
        Assert.Contains("Không có đơn vị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewer_SeesNoButtons_AndIsRefusedWith403_WhenPostingAnyway()
    {
        var key = new AlertKey("t-viewer", "LCU.X.BANHON", "online_dossier_rate");
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Firing(key, Now.AddHours(-1), AlertSeverity.Critical, "xem"));
        var viewer = await factory.SignedInAsync(Roles.Viewer);
        var operatorClient = await factory.SignedInAsync(Roles.Operator);

        string viewerPage = await viewer.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));
        string operatorPage = await operatorClient.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));
        var ack = await viewer.PostAsync(new Uri("/canh-bao?handler=Acknowledge", UriKind.Relative), Form(viewerPage, ("key", key.Id), ("note", "thử")));
        var silence = await viewer.PostAsync(new Uri("/canh-bao?handler=Silence", UriKind.Relative),
            Form(viewerPage, ("unit", "LCU.X.BANHON"), ("until", "2099-01-01T00:00"), ("note", "thử")));

        Assert.DoesNotContain("handler=Acknowledge", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Silence", viewerPage, StringComparison.Ordinal);
        Assert.Contains("handler=Acknowledge", Row(operatorPage, key.Id), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, silence.StatusCode);
        var actions = await factory.Services.GetRequiredService<AlertActions>().ReadAsync(null, CancellationToken.None);
        Assert.DoesNotContain(actions, a => a is AcknowledgeAction ack2 && ack2.Key == key);
    }

    [Fact]
    public async Task AnOperatorAcknowledges_WithANote_TheActionIsStored_AndThePageSaysWhenItTakesEffect()
    {
        var key = new AlertKey("t-ack", "LCU.X.BINHLU", "online_dossier_rate");
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Firing(key, Now.AddHours(-3), AlertSeverity.Critical, "cần xử lý"));
        var client = await factory.SignedInAsync(Roles.Operator);
        string page = await client.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));

        var refused = await client.PostAsync(new Uri("/canh-bao?handler=Acknowledge", UriKind.Relative), Form(page, ("key", key.Id), ("note", "  "), ("tab", "firing")));
        var response = await client.PostAsync(new Uri("/canh-bao?handler=Acknowledge", UriKind.Relative),
            Form(page, ("key", key.Id), ("note", "Đã gọi xã, chiều nay nhập bổ sung"), ("tab", "firing")));
        string after = await client.GetStringAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Cần nhập ghi chú", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await factory.Services.GetRequiredService<AlertActions>().ReadAsync(null, CancellationToken.None))
            .OfType<AcknowledgeAction>().Single(a => a.Key == key);
        Assert.Equal("operator", stored.By);
        Assert.Equal("Đã gọi xã, chiều nay nhập bổ sung", stored.Note);
        Assert.Contains("sẽ có hiệu lực ở lần đánh giá tới", after, StringComparison.Ordinal);
        string row = Row(after, key.Id);
        Assert.Contains("Chờ áp dụng ở lần đánh giá tới", row, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Acknowledge", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorSilencesAUnit_TheSilenceIsStored_AndTheSilencedTabListsItWithTheAlertsItCovers()
    {
        var key = new AlertKey("t-silence", "LCU.X.BUMNUA", "on_time_rate");
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Firing(key, Now.AddHours(-3), AlertSeverity.Warning, "im lặng"));
        var client = await factory.SignedInAsync(Roles.Admin);
        string page = await client.GetStringAsync(new Uri("/canh-bao?tab=silenced", UriKind.Relative));
        string until = VietnamTime.ToLocal(Now.AddDays(2)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var past = await client.PostAsync(new Uri("/canh-bao?handler=Silence", UriKind.Relative),
            Form(page, ("unit", "LCU.X.BUMNUA"), ("until", "2020-01-01T08:00"), ("note", "bảo trì"), ("tab", "silenced")));
        var response = await client.PostAsync(new Uri("/canh-bao?handler=Silence", UriKind.Relative),
            Form(page, ("unit", "LCU.X.BUMNUA"), ("kpi", ""), ("until", until), ("note", "Xã đang bảo trì máy chủ"), ("tab", "silenced")));
        string after = await client.GetStringAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("phải ở sau hiện tại", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await factory.Services.GetRequiredService<AlertActions>().ReadAsync(null, CancellationToken.None))
            .OfType<SilenceAction>().Single(a => a.Unit == "LCU.X.BUMNUA");
        Assert.Null(stored.Kpi);
        Assert.Equal("admin", stored.By);
        Assert.Equal(until, VietnamTime.ToLocal(stored.Until).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches($"data-silence=\"{stored.Id}\"[\\s\\S]*?Xã Bum Nưa[\\s\\S]*?Xã đang bảo trì máy chủ", after);
        Assert.Contains("Đang tắt thông báo", Row(after, key.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiAndUnitPages_ShowTheirOpenAlerts_AndNotOthers()
    {
        var mine = new AlertKey("t-kpi-page", "LCU.X.CANCO", "digitization_rate");
        var other = new AlertKey("t-kpi-page", "LCU.X.CANCO", "satisfaction_rate");
        await AlertSeeds.WriteAsync(factory.Services, [.. AlertSeeds.Firing(mine, Now.AddHours(-1), AlertSeverity.Critical, "số hóa thấp"),
            .. AlertSeeds.Pending(other, Now.AddHours(-1), AlertSeverity.Warning, "hài lòng thấp")]);
        var client = await factory.SignedInAsync();

        string kpiPage = await client.GetStringAsync(new Uri("/chi-tieu/digitization_rate?unit=LCU.X.CANCO", UriKind.Relative));
        string unitPage = await client.GetStringAsync(new Uri("/don-vi/LCU.X.CANCO", UriKind.Relative));
        string otherUnit = await client.GetStringAsync(new Uri("/chi-tieu/digitization_rate?unit=LCU.X.BANBO", UriKind.Relative));

        Assert.Contains("số hóa thấp", Row(kpiPage, mine.Id), StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id, kpiPage, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo đang mở", kpiPage, StringComparison.Ordinal);
        Assert.Contains(mine.Id, unitPage, StringComparison.Ordinal);
        Assert.Contains(other.Id, unitPage, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Id, otherUnit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InEnglish_ThePageSpeaksEnglish()
    {
        var key = new AlertKey("t-english", "LCU.X.CHANNUA", "online_dossier_rate");
        await AlertSeeds.WriteAsync(factory.Services, AlertSeeds.Firing(key, Now.AddHours(-1), AlertSeverity.Critical, "x"));
        var client = await factory.SignedInAsync();
        await client.GetAsync(new Uri("/ngon-ngu/en", UriKind.Relative));

        string html = await client.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));

        Assert.Contains("<h1>Alerts</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Firing <span class=\"count\">", html, StringComparison.Ordinal);
        Assert.Contains(">Critical<", Row(html, key.Id), StringComparison.Ordinal);
        Assert.Contains("Online dossier", Row(html, key.Id), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Đang cảnh báo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAlerts_AreShownFiftyAPage_NeverAllAtOnce()
    {
        var events = Enumerable.Range(0, 55)
            .SelectMany(i => AlertSeeds.Firing(new AlertKey("t-paging-" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "LCU.X.GIANGMA", "online_dossier_rate"),
                Now.AddMinutes(-100 + i), AlertSeverity.Critical, "trang"))
            .ToArray();
        await AlertSeeds.WriteAsync(factory.Services, events);
        var client = await factory.SignedInAsync();

        string first = await client.GetStringAsync(new Uri("/canh-bao?unit=LCU.X.GIANGMA", UriKind.Relative));
        string second = await client.GetStringAsync(new Uri("/canh-bao?unit=LCU.X.GIANGMA&trang=2", UriKind.Relative));

        Assert.Equal(50, OpenRow().Count(first));
        Assert.Equal(5, OpenRow().Count(second));
        // Oldest first: the first page starts with alert 00, the second holds 50–54.
        Assert.Contains("data-alert=\"t-paging-00/", first, StringComparison.Ordinal);
        Assert.Contains("data-alert=\"t-paging-54/", second, StringComparison.Ordinal);
        Assert.Contains("Trang 1/2 · 55 cảnh báo", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/canh-bao?tab=firing&amp;unit=LCU.X.GIANGMA&amp;trang=2\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheDemo_TheDashboardNeverEvaluates()
    {
        var hosted = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();

        Assert.DoesNotContain(hosted, h => h is AlertingBackgroundService);
        Assert.Null(factory.Services.GetService<AlertingService>());
    }

    internal static string Row(string html, string id)
    {
        int start = html.IndexOf($"data-alert=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    internal static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", DashboardFactory.Token(page))));

    private static string TextTime(DateTimeOffset at) =>
        VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr data-alert=\"[^\"]+\" data-phase=")]
    private static partial Regex OpenRow();

    [GeneratedRegex("<tr data-alert=\"(?<id>[^\"]+)\" data-kind=\"(?<kind>[^\"]+)\"")]
    private static partial Regex HistoryRow();
}
