using KpiMonitor.Reports.Archive;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>One report asked for on the page: what, by whom, where it stands and, when it failed, why (Vietnamese).</summary>
public sealed record ReportRun(Guid Id, string UnitCode, DateOnly Month, string RequestedBy, DateTimeOffset RequestedAt, ReportStage Stage, string? Error)
{
    /// <summary>Still queued or being made.</summary>
    public bool Active => Stage is not (ReportStage.Done or ReportStage.Failed);
}
