using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Periods;
using static KpiMonitor.Alerts.Tests.Lifecycle.InstanceDriver;

namespace KpiMonitor.Alerts.Tests.Lifecycle;

public sealed class QuietHoursAndStaleTests
{
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(6, 30), VietnamTime.Zone);

    // 23:00 in Hà Nội (UTC+7).
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CriticalAlert_PassesQuietHours()
    {
        var alert = new InstanceDriver(new AlertPolicy(), LateEvening, Night);

        Assert.Equal([NotificationKind.Firing], Kinds(alert.Evaluate(Critical())));
    }

    [Fact]
    public void WarningFiredInQuietHours_IsDeferredTo0630_NotDropped()
    {
        var alert = new InstanceDriver(new AlertPolicy(), LateEvening, Night);

        var atFiring = alert.EvaluateThenWait(Warning(), new TimeSpan(7, 29, 0));
        var at0629 = alert.EvaluateThenWait(Warning(), TimeSpan.FromMinutes(1));
        var at0630 = alert.Evaluate(Warning());

        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Empty(atFiring.Notifications);
        Assert.Empty(at0629.Notifications);
        var told = Assert.Single(at0630.Notifications);
        Assert.Equal(NotificationKind.Firing, told.Kind);
        Assert.Equal(new TimeOnly(6, 30), TimeOnly.FromTimeSpan(VietnamTime.ToLocal(told.At).TimeOfDay));
        Assert.Equal(LateEvening, told.FiredAt);
    }

    [Fact]
    public void WarningThatFiresAndResolvesAtNight_IsToldAt0630_AsOneResolution()
    {
        var alert = new InstanceDriver(new AlertPolicy(), LateEvening, Night);
        alert.EvaluateThenWait(Warning(), TimeSpan.FromHours(3));
        var at0200 = alert.EvaluateThenWait(AlertCondition.Ok(), new TimeSpan(4, 30, 0));

        var at0630 = alert.Evaluate(AlertCondition.Ok());

        Assert.Empty(at0200.Notifications);
        var told = Assert.Single(at0630.Notifications);
        Assert.Equal(NotificationKind.Resolved, told.Kind);
        Assert.Equal((LateEvening, LateEvening.AddHours(3)), (told.FiredAt, told.ResolvedAt!.Value));
        Assert.Empty(alert.State.OwedResolutions);
    }

    [Fact]
    public void WarningReminders_SkipQuietHours_AndResumeAfter()
    {
        // 20:00 local: the alert fires before the quiet hours start.
        var alert = new InstanceDriver(new AlertPolicy { RepeatInterval = TimeSpan.FromHours(1) }, LateEvening.AddHours(-3), Night);

        var sentAtLocalHour = new List<int>();
        for (int i = 0; i <= 11; i++)
        {
            sentAtLocalHour.AddRange(alert.EvaluateThenWait(Warning(), TimeSpan.FromHours(1)).Notifications.Select(n => VietnamTime.ToLocal(n.At).Hour));
        }

        Assert.Equal([20, 21, 7], sentAtLocalHour);
    }

    [Fact]
    public void StaleAlert_DoesNotResolveWhileDataIsStillMissing_OnlyOnANewFigure()
    {
        var lastFigure = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var alert = new InstanceDriver(new AlertPolicy { ResolvesOnNewFigureOnly = true }, LateEvening.AddHours(-12));
        alert.EvaluateThenWait(AlertCondition.Breaching(AlertSeverity.Warning, "Sở Nội vụ chưa gửi số liệu tháng 2", figureAt: lastFigure), TimeSpan.FromHours(1));

        // Still nothing new: "ok" because a cadence was relaxed, no data at all, or the same old figure.
        alert.EvaluateThenWait(AlertCondition.Ok(), TimeSpan.FromHours(1));
        alert.EvaluateThenWait(AlertCondition.NoData, TimeSpan.FromHours(1));
        alert.EvaluateThenWait(AlertCondition.Ok(lastFigure), TimeSpan.FromHours(1));
        Assert.Equal(AlertPhase.Firing, alert.State.Phase);

        var step = alert.Evaluate(AlertCondition.Ok(lastFigure.AddDays(30)));

        Assert.Equal(AlertPhase.Resolved, alert.State.Phase);
        Assert.Equal([NotificationKind.Resolved], Kinds(step));
    }

    [Fact]
    public void TargetAlert_WithNoData_KeepsFiring()
    {
        var alert = new InstanceDriver(new AlertPolicy(), LateEvening);
        alert.EvaluateThenWait(Critical(), TimeSpan.FromHours(1));

        var step = alert.Evaluate(AlertCondition.NoData);

        Assert.Empty(step.Events);
        Assert.Equal(AlertPhase.Firing, alert.State.Phase);
        Assert.Single(alert.Log.OfType<AlertFired>());
    }
}
