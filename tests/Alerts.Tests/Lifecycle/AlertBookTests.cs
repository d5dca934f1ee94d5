using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Testing;
using static KpiMonitor.Alerts.Tests.Lifecycle.InstanceDriver;

namespace KpiMonitor.Alerts.Tests.Lifecycle;

public sealed class AlertBookTests
{
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly AlertPolicy Policy = new() { RepeatInterval = TimeSpan.FromHours(1) };
    private static readonly AlertKey BanGiang = new("online-target", "LCU.X.BGI", "online_dossier_rate");
    private static readonly AlertKey NaTam = new("online-target", "LCU.X.NTA", "online_dossier_rate");
    private static readonly AlertKey BanGiangLate = new("late", "LCU.X.BGI", "late_dossiers");

    [Fact]
    public void SilenceOfAUnitAndKpi_MutesOnlyThatInstance_UntilItEnds()
    {
        var clock = new ManualClock(Morning);
        var book = new AlertBook(clock, quietHours: null);
        Silence[] silences = [new("s1", Morning.AddHours(2), Unit: "LCU.X.BGI", Kpi: "online_dossier_rate") { By = "operator", Note = "Xã đang nâng cấp hệ thống một cửa" }];

        var first = book.Evaluate(All(), silences);
        clock.Advance(TimeSpan.FromHours(2));
        var afterSilence = book.Evaluate(All(), silences);

        Assert.Equal([NaTam, BanGiangLate], first.Notifications.Select(n => n.Key));
        Assert.Contains(first.Events, e => e.Key == BanGiang);
        Assert.Equal(AlertPhase.Firing, book.Get(BanGiang).Phase);
        Assert.Equal([(BanGiang, NotificationKind.Firing), (NaTam, NotificationKind.Repeat), (BanGiangLate, NotificationKind.Repeat)],
            afterSilence.Notifications.Select(n => (n.Key, n.Kind)));
    }

    [Fact]
    public void SilenceWithoutAnyMatcher_MutesNothing()
    {
        Assert.False(new Silence("s", Morning.AddDays(1)).Matches(BanGiang, Morning));
        Assert.True(new Silence("s", Morning.AddDays(1), Rule: "late").Matches(BanGiangLate, Morning));
        Assert.False(new Silence("s", Morning.AddDays(1), Rule: "late").Matches(BanGiang, Morning));
    }

    [Fact]
    public void AcknowledgementThroughTheBook_StopsRemindersOfThatInstanceOnly()
    {
        var clock = new ManualClock(Morning);
        var book = new AlertBook(clock, quietHours: null);
        book.Evaluate(All(), []);

        var ack = book.Acknowledge(BanGiang, "operator", "Đã gọi điện cho xã");
        clock.Advance(TimeSpan.FromHours(1));
        var later = book.Evaluate(All(), []);

        Assert.Single(ack.Events);
        Assert.Equal([NaTam, BanGiangLate], later.Notifications.Select(n => n.Key));
    }

    [Fact]
    public void InstancesThatNeverBreached_HoldNoState()
    {
        var book = new AlertBook(new ManualClock(Morning), quietHours: null);

        var evaluation = book.Evaluate([new InstanceCondition(BanGiang, Policy, AlertCondition.Ok()), new InstanceCondition(NaTam, Policy, AlertCondition.NoData)], []);

        Assert.Empty(evaluation.Events);
        Assert.Empty(book.States);
    }

    private static InstanceCondition[] All() =>
    [
        new(BanGiang, Policy, Warning()),
        new(NaTam, Policy, Warning()),
        new(BanGiangLate, Policy, Critical()),
    ];
}
