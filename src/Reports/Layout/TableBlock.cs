namespace KpiMonitor.Reports.Layout;

/// <summary>A table with a caption ("Bảng 1. …"), a header row and text cells; <paramref name="Widths"/> are relative column widths.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : ReportBlock;
