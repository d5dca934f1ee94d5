namespace KpiMonitor.Reports.Layout;

/// <summary>One block of the report's body, in reading order; the DOCX and PDF writers each lay out the same blocks.</summary>
public abstract record ReportBlock;
