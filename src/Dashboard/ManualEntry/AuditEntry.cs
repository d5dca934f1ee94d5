namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>One manual change: who, when, what, the figure before and after (numbers as shown to people).</summary>
public sealed record AuditEntry(DateTimeOffset At, string User, string Kpi, string Unit, DateOnly Period, string? Old, string New, string Via);
