namespace KpiMonitor.Reports.Generation;

/// <summary>One monthly report in its three formats, and when it was generated (the only thing two runs on the same data differ in).</summary>
public sealed record ReportFiles(string UnitCode, DateOnly Month, DateTimeOffset GeneratedAt, byte[] Docx, byte[] Pdf, byte[] Xlsx);
