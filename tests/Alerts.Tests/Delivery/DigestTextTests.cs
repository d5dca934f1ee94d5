using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Testing;
using static KpiMonitor.Alerts.Tests.Evaluation.EvaluationFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>The words of a digest: the subject's count and worst open severity, figures in the words of the rule's kind.</summary>
public sealed class DigestTextTests
{
    private static readonly Contact Someone = new("Phòng CNTT", "mail", "cntt@kpimonitor.local");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private static readonly AlertRule Drop = Rule("online-drop", RuleKind.Threshold, "{unit}") with
    {
        Threshold = new ThresholdSettings(ThresholdComparison.MonthOnMonth, null, -10, ChangeUnit.Points),
    };

    private static readonly AlertRule Late = Rule("late", RuleKind.Threshold, "{unit}", Count) with
    {
        Threshold = new ThresholdSettings(ThresholdComparison.Value, 20, null, null),
    };

    private static readonly DigestLabels Labels = new(
        new AlertConfig { Rules = [Drop, Late], Channels = [], Operators = [], Recipients = [], Routes = [] }, TestCatalog.Create());

    [Fact]
    public void Subject_CountsTheOpenAlerts_AndNamesTheWorstOpenSeverity_NotAResolvedOnes()
    {
        var digest = new Digest(Someone,
        [
            Item("a", NotificationKind.Repeat, AlertSeverity.Warning, "Xã Nà Tăm: giảm 12 điểm"),
            Item("b", NotificationKind.Firing, AlertSeverity.Warning, "Sở Nội vụ: 25 hồ sơ trễ hạn"),
            Item("c", NotificationKind.Resolved, AlertSeverity.Critical, "Đã hết"),
        ]);

        Assert.Equal("[KpiMonitor] 2 cảnh báo (cao nhất: Cảnh báo), 1 cảnh báo đã hết – Xã Nà Tăm: giảm 12 điểm", DigestText.Subject(digest));
    }

    [Fact]
    public void Figures_SpeakTheRulesKind_AndTheKpisUnit()
    {
        var change = new DigestItem("1", new AlertKey("online-drop", CommuneB, Ratio), NotificationKind.Firing,
            new AlertSnapshot(AlertSeverity.Warning, -12, -10, "…", null), At, null);
        var count = new DigestItem("2", new AlertKey("late", Department, Count), NotificationKind.Firing,
            new AlertSnapshot(AlertSeverity.Critical, 25, 20, "…", null), At, null);

        Assert.Equal("thay đổi -12 điểm phần trăm / ngưỡng -10 điểm phần trăm", Labels.Figures(change));
        Assert.Equal("Xã Nà Tăm · Tỷ lệ hồ sơ nộp trực tuyến", Labels.Scope(change.Key));
        Assert.Equal("giá trị 25 / ngưỡng 20", Labels.Figures(count));
        Assert.Equal("Sở Nội vụ · Số hồ sơ trễ hạn", Labels.Scope(count.Key));
    }

    private static DigestItem Item(string id, NotificationKind kind, AlertSeverity severity, string summary) =>
        new(id, new AlertKey("online-drop", CommuneB, Ratio), kind, new AlertSnapshot(severity, null, null, summary, null), At, null);
}
