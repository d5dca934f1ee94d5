namespace KpiMonitor.AlertService.Reporting;

/// <summary>
/// The scheduled monthly report (section <c>Reports</c>, beside the report's own settings), checked at start by
/// <see cref="ReportScheduleOptionsValidator"/>.
/// </summary>
public sealed class ReportScheduleOptions
{
    public const string Section = "Reports";

    /// <summary>Quartz cron (seconds first) in Vietnamese time: 07:00 on the 2nd of each month.</summary>
    public string Schedule { get; init; } = "0 0 7 2 * ?";

    /// <summary>The units reported on; empty means the province (the root of the unit tree).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Code of the email channel in <c>config/alerts.json</c> the report is mailed over; required with <see cref="MailTo"/>.</summary>
    public string? MailChannel { get; init; }

    /// <summary>Addresses the PDF and DOCX are mailed to; empty: archived only.</summary>
    public IReadOnlyList<string> MailTo { get; init; } = [];
}
