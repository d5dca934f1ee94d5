using KpiMonitor.Alerts;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Periods;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Content;

/// <summary>The month's alerts in the summary, counted from alert events seeded in the real SQLite store's event log.</summary>
public sealed class ReportAlertsTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly DateTimeOffset October = VietnamTime.StartOf(Month);
    private static readonly DateTimeOffset November = VietnamTime.StartOf(Month.AddMonths(1));

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Summary_StatesTheMonthsAlerts_FiredResolvedAndOpenAtMonthEnd_BySeverity()
    {
        var log = await SeededLogAsync();

        var report = await Builder(log).BuildAsync(Province, Month, Ct);

        // Counted by hand from the events below: fired in October B (warning) and C (critical); ended in October A and C
        // (both critical); open at the end B (critical by then) and E (warning, fired in August). D is after the month, F's unit is not in the tree.
        var alerts = report.Alerts!;
        Assert.Equal(new AlertTally(AlertSeverity.Critical, Fired: 1, Resolved: 2, OpenAtEnd: 1), alerts.BySeverity.Single(t => t.Severity == AlertSeverity.Critical));
        Assert.Equal(new AlertTally(AlertSeverity.Warning, Fired: 1, Resolved: 0, OpenAtEnd: 1), alerts.BySeverity.Single(t => t.Severity == AlertSeverity.Warning));
        Assert.Contains(
            "Trong tháng 10/2026, hệ thống cảnh báo ghi nhận 2 cảnh báo phát sinh đối với Tỉnh Lai Châu và các đơn vị trực thuộc (1 mức nghiêm trọng, 1 mức cảnh báo); " +
            "2 cảnh báo đã kết thúc (2 mức nghiêm trọng); đến cuối tháng còn 2 cảnh báo chưa kết thúc (1 mức nghiêm trọng, 1 mức cảnh báo).",
            report.Summary);
    }

    [Fact]
    public async Task CommuneReport_CountsOnlyItsOwnAlerts()
    {
        var log = await SeededLogAsync();

        var report = await Builder(log).BuildAsync("P.X1", Month, Ct);

        // Only C is on P.X1: fired and ended in October.
        Assert.Equal(1, report.Alerts!.Fired);
        Assert.Equal(1, report.Alerts.Resolved);
        Assert.Equal(0, report.Alerts.OpenAtEnd);
        Assert.Contains(report.Summary, s => s.StartsWith("Trong tháng 10/2026, hệ thống cảnh báo ghi nhận 1 cảnh báo phát sinh đối với Xã Bản Giang (1 mức nghiêm trọng)", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAlerting_TheReportSaysNothingAboutAlerts()
    {
        Assert.Null(fixture.Report.Alerts);
        Assert.DoesNotContain(fixture.Report.Summary, s => s.Contains("cảnh báo", StringComparison.Ordinal));
    }

    private async Task<AlertEventLog> SeededLogAsync()
    {
        var log = new AlertEventLog(fixture.Store);
        var a = new AlertKey("online-target", "P.SNV", "online_dossier_rate");
        var b = new AlertKey("online-target", "P.STP", "online_dossier_rate");
        var c = new AlertKey("late-threshold", "P.X1", "late_dossiers");
        var d = new AlertKey("online-target", "P.SXD", "online_dossier_rate");
        var e = new AlertKey("stale", "P.X4", "online_dossier_rate");
        var f = new AlertKey("online-target", "Q.OTHER", "online_dossier_rate");
        await log.AppendAsync(
        [
            new AlertPending(a, 1, October.AddDays(-20), Snap(AlertSeverity.Critical)),
            new AlertFired(a, 2, October.AddDays(-19), Snap(AlertSeverity.Critical)),
            new AlertResolved(a, 3, October.AddDays(3), Announce: true),
            new AlertFired(b, 1, October.AddDays(5), Snap(AlertSeverity.Warning)),
            new AlertSeverityChanged(b, 2, October.AddDays(9), Snap(AlertSeverity.Critical)),
            new AlertFired(c, 1, October.AddDays(10), Snap(AlertSeverity.Critical)),
            new AlertClearing(c, 2, October.AddDays(11), 1),
            new AlertResolved(c, 3, October.AddDays(12), Announce: true),
            new AlertFired(d, 1, November.AddHours(1), Snap(AlertSeverity.Critical)),
            new AlertFired(e, 1, October.AddDays(-60), Snap(AlertSeverity.Warning)),
            new AlertResolved(e, 2, November.AddHours(2), Announce: true),
            new AlertFired(f, 1, October.AddDays(4), Snap(AlertSeverity.Critical)),
        ], Ct);
        return log;
    }

    private ReportBuilder Builder(AlertEventLog log) => fixture.Builder(new ReportAlerts(log));

    private static AlertSnapshot Snap(AlertSeverity severity) => new(severity, 40, 50, "Tỷ lệ thấp", null);
}
