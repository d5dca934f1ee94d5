namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>An operator took charge of a firing alert: reminders and escalation stop until it resolves.</summary>
public sealed record Acknowledgement(string By, string Note, DateTimeOffset At);
