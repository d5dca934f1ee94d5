namespace KpiMonitor.Reports.Layout;

/// <summary>A table with a caption ("Bảng 1. …"), a header row and text cells; <paramref name="Widths"/> are relative column widths.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : ReportBlock
{
    /// <summary>Whether a cell holds a figure ("99,60 %", "12/25", "—"), centred by every writer; names and sentences read from the left.</summary>
    public static bool IsFigure(string text) => (text.Length <= 16 && text.Any(char.IsDigit)) || text is "—" or "…";
}
