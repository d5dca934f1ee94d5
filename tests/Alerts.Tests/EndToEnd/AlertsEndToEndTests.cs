using System.Net.Http.Json;
using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>
/// Issue #11 end to end, with the real parts as plain processes: the simulator's fault switch or a file of manual
/// figures, the collector (<c>--once</c> per collection), InfluxDB, the alerting service, and mail in a real aiosmtpd.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class AlertsEndToEndTests(PipelineFixture fixture)
{
    private const string Commune = "LCU.X.TANPHONG";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SourceFaultSwitchedOn_CollectorRecordsFailures_SourceDownAlertMailed_InVietnamese()
    {
        string sources = $$"""
            { "sources": [ { "code": "eoffice", "nameVi": "Hệ thống quản lý văn bản và điều hành", "kind": "eoffice", "schedule": "0 5 * * * ?",
              "baseUrl": "{{fixture.Simulator.BaseUrl}}", "auth": { "type": "oauth2", "tokenUrl": "auth/realms/lgsp/protocol/openid-connect/token",
              "clientId": "kpimonitor", "secret": "KPIMONITOR_EOFFICE_SECRET" }, "months": 1, "timeoutSeconds": 2, "staleAfterHours": 26 } ] }
            """;
        const string rules = """
            { "code": "source-down", "kind": "sourceDown", "severity": "critical", "consecutiveFailures": 2, "lastSuccessOlderThan": "6h", "for": 1,
              "summary": "Nguồn {source} không đọc được: {failures} lần lỗi liên tiếp, lần thành công cuối {lastSuccess}. Lỗi: {error}" }
            """;
        await using var deployment = await AlertDeployment.CreateAsync(fixture, sources, rules);
        deployment.StartAlerts();

        // The fault switch: every e-office answer is a 500 until cleared.
        using var control = new HttpClient { BaseAddress = fixture.Simulator.BaseUrl };
        (await control.PostAsJsonAsync("_control/faults", new { endpoint = "eoffice", mode = "error500" })).EnsureSuccessStatusCode();
        try
        {
            for (int run = 0; run < 2; run++)
            {
                var (exitCode, output) = await deployment.CollectOnceAsync();
                Assert.True(exitCode != 0, $"the collector should report the failing source:\n{output}");
            }

            var mail = Assert.Single(await deployment.WaitForMailsAsync(1, MailWait));

            Assert.Equal("cntt@kpimonitor.test", mail.To.Mailboxes.Single().Address);
            Assert.StartsWith("[KpiMonitor] 1 cảnh báo (cao nhất: ", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Nguồn eoffice không đọc được: 2 lần lỗi liên tiếp", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Nguồn eoffice không đọc được: 2 lần lỗi liên tiếp", mail.HtmlBody ?? "", StringComparison.Ordinal);
            var events = (await deployment.StoredEventsAsync()).Where(e => e.Key.Source == "eoffice").ToList();
            Assert.IsType<AlertPending>(events[0]);
            Assert.Contains(events, e => e is AlertFired);
        }
        finally
        {
            await control.DeleteAsync("_control/faults");
        }
    }

    [Fact]
    public async Task FigureBelowTarget_ThroughTheCollector_FiresAfterFor_AndResolvesWhenItRecovers_BothMailed()
    {
        const string sources = """
            { "sources": [ { "code": "manual", "nameVi": "Số liệu nhập tay", "kind": "drop-folder", "schedule": "0 */5 * * * ?", "folder": "data/inbox" } ] }
            """;
        string rules = $$"""
            { "code": "online-dossier-target", "kind": "target", "kpi": "online_dossier_rate", "scope": { "units": [ "{{Commune}}" ] }, "for": 2,
              "summary": "{unit}: {kpi} kỳ {period} đạt {value}, mục tiêu {target} ({status})." }
            """;
        await using var deployment = await AlertDeployment.CreateAsync(fixture, sources, rules);
        deployment.StartAlerts();
        string month = AlertDeployment.CurrentMonth();

        // 20 of 100 dossiers online against a target of 50 %: missed, critical.
        await deployment.DropFiguresAsync("thang-nay.csv", $"online_dossier_rate,{Commune},{month},,20,100,Số liệu xã gửi");
        var collected = await deployment.CollectOnceAsync();
        Assert.True(collected.ExitCode == 0, collected.Output);

        var fired = Assert.Single(await deployment.WaitForMailsAsync(1, MailWait));
        Assert.StartsWith("[KpiMonitor] 1 cảnh báo (cao nhất: ", fired.Subject, StringComparison.Ordinal);
        Assert.Contains("Phường Tân Phong: Tỷ lệ hồ sơ nộp trực tuyến kỳ", fired.TextBody, StringComparison.Ordinal);
        Assert.Contains("20", fired.TextBody, StringComparison.Ordinal);
        // for 2: pending, held once, then fired, and only then told.
        var episode = (await deployment.StoredEventsAsync()).Where(e => e.Key.Unit == Commune).Select(e => e.GetType().Name).ToList();
        Assert.Equal(["AlertPending", "AlertPendingHeld", "AlertFired", "AlertNotified"], episode);

        // The commune sends a corrected figure: 90 %.
        await deployment.DropFiguresAsync("thang-nay-sua.csv", $"online_dossier_rate,{Commune},{month},,90,100,Số liệu đã sửa");
        collected = await deployment.CollectOnceAsync();
        Assert.True(collected.ExitCode == 0, collected.Output);

        var mails = await deployment.WaitForMailsAsync(2, MailWait, collected.Output);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("[KpiMonitor] 1 cảnh báo đã hết", mails[1].Subject, StringComparison.Ordinal);
        Assert.Contains("Phường Tân Phong", mails[1].TextBody, StringComparison.Ordinal);
        Assert.NotEqual(mails[0].MessageId, mails[1].MessageId);
    }
}
