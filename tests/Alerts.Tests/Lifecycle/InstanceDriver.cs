using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Lifecycle;

/// <summary>Drives one rule instance through evaluations under a manual clock, keeping every event as the store would.</summary>
internal sealed class InstanceDriver(AlertPolicy policy, DateTimeOffset start, QuietHours? quietHours = null)
{
    public static readonly AlertKey Key = new("online-target", "LCU.X.BGI", "online_dossier_rate");

    public ManualClock Clock { get; } = new(start);

    public AlertState State { get; private set; } = AlertState.Initial(Key);

    public List<AlertEvent> Log { get; } = [];

    public bool Silenced { get; set; }

    public AlertStep Evaluate(AlertCondition condition)
    {
        var step = AlertStateMachine.Evaluate(State, condition, policy, new AlertContext(Clock.GetUtcNow(), Silenced, quietHours));
        Keep(step);
        return step;
    }

    public AlertStep Acknowledge(string note = "Đã liên hệ xã, đang khắc phục")
    {
        var step = AlertStateMachine.Acknowledge(State, "operator", note, Clock.GetUtcNow());
        Keep(step);
        return step;
    }

    /// <summary>Evaluates, then moves the clock on.</summary>
    public AlertStep EvaluateThenWait(AlertCondition condition, TimeSpan wait)
    {
        var step = Evaluate(condition);
        Clock.Advance(wait);
        return step;
    }

    public static AlertCondition Warning(double value = 42) => AlertCondition.Breaching(AlertSeverity.Warning, "Xã Bản Giang: tỷ lệ hồ sơ nộp trực tuyến 42 %, dưới mục tiêu 50 %", value, 50);

    public static AlertCondition Critical(double value = 30) => AlertCondition.Breaching(AlertSeverity.Critical, "Xã Bản Giang: tỷ lệ hồ sơ nộp trực tuyến 30 %, không đạt mục tiêu 50 %", value, 50);

    public static NotificationKind[] Kinds(AlertStep step) => step.Notifications.Select(n => n.Kind).ToArray();

    private void Keep(AlertStep step)
    {
        State = step.State;
        Log.AddRange(step.Events);
    }
}
