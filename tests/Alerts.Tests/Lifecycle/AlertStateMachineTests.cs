using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using static KpiMonitor.Alerts.Tests.Lifecycle.InstanceDriver;

namespace KpiMonitor.Alerts.Tests.Lifecycle;

public sealed class AlertStateMachineTests
{
    // 10:00 in Hà Nội: well outside quiet hours.
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Breach_IsPendingForItsForEvaluations_ThenFiresWithOneNotification()
    {
        var alert = new InstanceDriver(new AlertPolicy { For = 2 }, Morning);

        var first = alert.EvaluateThenWait(Warning(), Hour);
        var second = alert.EvaluateThenWait(Warning(), Hour);
        Assert.Equal(AlertPhase.Pending, alert.State.Phase);
        Assert.Empty(first.Notifications);
        Assert.Empty(second.Notifications);

        var third = alert.Evaluate(Warning());

        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Equal([NotificationKind.Firing], Kinds(third));
        Assert.Equal(Morning.AddHours(2), alert.State.FiredAt);
        Assert.Equal(Morning, alert.State.Since);
    }

    [Fact]
    public void ForZero_FiresOnTheFirstBreach()
    {
        var alert = new InstanceDriver(new AlertPolicy(), Morning);

        Assert.Equal([NotificationKind.Firing], Kinds(alert.Evaluate(Critical())));
        Assert.IsType<AlertFired>(alert.Log[0]);
    }

    [Fact]
    public void BreachThatClearsWhilePending_ReturnsToNormal_AndNobodyIsTold()
    {
        var alert = new InstanceDriver(new AlertPolicy { For = 3 }, Morning);

        alert.EvaluateThenWait(Warning(), Hour);
        alert.EvaluateThenWait(Warning(), Hour);
        alert.EvaluateThenWait(AlertCondition.Ok(), Hour);
        alert.EvaluateThenWait(Warning(), Hour);

        Assert.Equal(AlertPhase.Pending, alert.State.Phase);
        Assert.Equal(1, alert.State.Count);
        Assert.DoesNotContain(alert.Log, e => e is AlertNotified or AlertFired);
    }

    [Fact]
    public void FiringAlert_KeepsFiringThroughItsClearPeriod_ThenResolvesOnce()
    {
        var alert = new InstanceDriver(new AlertPolicy { KeepFiringFor = 2 }, Morning);
        alert.EvaluateThenWait(Warning(), Hour);

        var clean1 = alert.EvaluateThenWait(AlertCondition.Ok(), Hour);
        var clean2 = alert.EvaluateThenWait(AlertCondition.Ok(), Hour);
        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Empty(clean1.Notifications);
        Assert.Empty(clean2.Notifications);

        var clean3 = alert.EvaluateThenWait(AlertCondition.Ok(), Hour);
        var clean4 = alert.Evaluate(AlertCondition.Ok());

        Assert.Equal(AlertPhase.Resolved, alert.State.Phase);
        var resolved = Assert.Single(clean3.Notifications);
        Assert.Equal(NotificationKind.Resolved, resolved.Kind);
        Assert.Equal(Morning, resolved.FiredAt);
        Assert.Equal(Morning.AddHours(3), resolved.ResolvedAt);
        Assert.Empty(clean4.Events);
    }

    [Fact]
    public void FlappingCondition_StaysOneFiringAlert_WithoutResolutionsOrRefires()
    {
        var alert = new InstanceDriver(new AlertPolicy { For = 1, KeepFiringFor = 1 }, Morning);
        alert.EvaluateThenWait(Warning(), Hour);
        alert.EvaluateThenWait(Warning(), Hour);

        // Every other evaluation is clean, never two in a row: the clear period is never completed.
        for (int i = 0; i < 10; i++)
        {
            alert.EvaluateThenWait(i % 2 == 0 ? AlertCondition.Ok() : Warning(), Hour);
        }

        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Single(alert.Log.OfType<AlertFired>());
        Assert.Empty(alert.Log.OfType<AlertResolved>());
        Assert.Equal([NotificationKind.Firing], alert.Log.OfType<AlertNotified>().Select(n => n.Kind));
        Assert.NotEmpty(alert.Log.OfType<AlertClearReset>());
    }

    [Fact]
    public void FiringAlert_IsRepeatedAtItsInterval_NotAtEveryEvaluation()
    {
        var alert = new InstanceDriver(new AlertPolicy { RepeatInterval = TimeSpan.FromHours(4) }, Morning);

        var sent = new List<(TimeSpan After, NotificationKind Kind)>();
        for (int h = 0; h <= 9; h++)
        {
            sent.AddRange(alert.EvaluateThenWait(Warning(), Hour).Notifications.Select(n => (n.At - Morning, n.Kind)));
        }

        Assert.Equal(
            [(TimeSpan.Zero, NotificationKind.Firing), (TimeSpan.FromHours(4), NotificationKind.Repeat), (TimeSpan.FromHours(8), NotificationKind.Repeat)],
            sent);
    }

    [Fact]
    public void Acknowledgement_StopsRepeats_ButTheResolutionIsStillSent()
    {
        var alert = new InstanceDriver(new AlertPolicy { RepeatInterval = Hour }, Morning);
        alert.EvaluateThenWait(Warning(), TimeSpan.FromMinutes(10));

        var ack = alert.Acknowledge();
        var later = Enumerable.Range(0, 5).SelectMany(_ =>
        {
            alert.Clock.Advance(Hour);
            return alert.Evaluate(Warning()).Notifications;
        }).ToList();

        var ackEvent = Assert.IsType<AlertAcknowledged>(Assert.Single(ack.Events));
        Assert.Equal("Đã liên hệ xã, đang khắc phục", ackEvent.Note);
        Assert.Empty(later);
        Assert.Equal([NotificationKind.Resolved], Kinds(alert.Evaluate(AlertCondition.Ok())));
        Assert.Null(alert.State.Acknowledged);
    }

    [Fact]
    public void Acknowledging_AnAlertThatIsNotFiring_RecordsNothing()
    {
        var alert = new InstanceDriver(new AlertPolicy { For = 2 }, Morning);
        alert.Evaluate(Warning());

        Assert.Empty(alert.Acknowledge().Events);
        Assert.Null(alert.State.Acknowledged);
    }

    [Fact]
    public void UnacknowledgedCriticalAlert_EscalatesOnceAfterTheDelay()
    {
        var alert = new InstanceDriver(new AlertPolicy { EscalateAfter = TimeSpan.FromHours(2) }, Morning);

        var kinds = new List<(TimeSpan, NotificationKind)>();
        for (int i = 0; i < 6; i++)
        {
            kinds.AddRange(alert.EvaluateThenWait(Critical(), TimeSpan.FromMinutes(30)).Notifications.Select(n => (n.At - Morning, n.Kind)));
        }

        Assert.Equal([(TimeSpan.Zero, NotificationKind.Firing), (TimeSpan.FromHours(2), NotificationKind.Escalation)], kinds);
        Assert.True(alert.State.Escalated);
    }

    [Fact]
    public void AcknowledgedOrWarningAlerts_DoNotEscalate()
    {
        var acknowledged = new InstanceDriver(new AlertPolicy { EscalateAfter = Hour }, Morning);
        acknowledged.EvaluateThenWait(Critical(), TimeSpan.FromMinutes(5));
        acknowledged.Acknowledge();
        var warning = new InstanceDriver(new AlertPolicy { EscalateAfter = Hour }, Morning);
        warning.EvaluateThenWait(Warning(), TimeSpan.FromMinutes(5));

        acknowledged.Clock.Advance(TimeSpan.FromHours(3));
        warning.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Empty(acknowledged.Evaluate(Critical()).Notifications);
        Assert.Empty(warning.Evaluate(Warning()).Notifications);
    }

    [Fact]
    public void WarningThatBecomesCritical_EscalatesAfterTheDelayCountedFromThen()
    {
        var alert = new InstanceDriver(new AlertPolicy { EscalateAfter = TimeSpan.FromHours(2) }, Morning);
        alert.EvaluateThenWait(Warning(), TimeSpan.FromHours(3));
        alert.EvaluateThenWait(Critical(), TimeSpan.FromHours(1));

        Assert.Empty(alert.EvaluateThenWait(Critical(), TimeSpan.FromHours(1)).Notifications);
        Assert.Equal([NotificationKind.Escalation], Kinds(alert.Evaluate(Critical())));
        Assert.Single(alert.Log.OfType<AlertSeverityChanged>());
    }

    [Fact]
    public void SilencedAlert_KeepsItsLifecycle_AndIsToldWhenTheSilenceEnds()
    {
        var alert = new InstanceDriver(new AlertPolicy { RepeatInterval = Hour, EscalateAfter = Hour }, Morning) { Silenced = true };

        var whileSilenced = Enumerable.Range(0, 4).SelectMany(_ => alert.EvaluateThenWait(Critical(), Hour).Notifications).ToList();
        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Empty(whileSilenced);

        alert.Silenced = false;
        Assert.Equal([NotificationKind.Firing, NotificationKind.Escalation], Kinds(alert.Evaluate(Critical())));
    }

    [Fact]
    public void AlertThatFiresAndResolvesUnderASilence_IsNeverTold()
    {
        var alert = new InstanceDriver(new AlertPolicy(), Morning) { Silenced = true };
        alert.EvaluateThenWait(Critical(), Hour);
        alert.EvaluateThenWait(AlertCondition.Ok(), Hour);

        alert.Silenced = false;
        alert.Evaluate(AlertCondition.Ok());

        Assert.Equal(AlertPhase.Resolved, alert.State.Phase);
        Assert.Empty(alert.Log.OfType<AlertNotified>());
    }

    [Fact]
    public void SeverityRise_IsToldAsNews_ButAFallIsNot()
    {
        var alert = new InstanceDriver(new AlertPolicy { RepeatInterval = TimeSpan.FromDays(1) }, Morning);
        alert.EvaluateThenWait(Warning(), Hour);

        var worse = alert.EvaluateThenWait(Critical(), Hour);
        var better = alert.EvaluateThenWait(Warning(), Hour);
        var worseAgain = alert.Evaluate(Critical());

        var told = Assert.Single(worse.Notifications);
        Assert.Equal((NotificationKind.Firing, AlertSeverity.Critical), (told.Kind, told.Snapshot.Severity));
        Assert.Empty(better.Notifications);
        Assert.Empty(worseAgain.Notifications);
    }
}
