namespace KpiMonitor.Reports.Layout;

/// <summary>A table with a caption ("Bảng 1. …"), a header row and text cells; <paramref name="Widths"/> are relative column widths.</summary>
public sealed record TableBlock(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : ReportBlock
{
    /// <summary>
    /// Whether column <paramref name="column"/> holds figures and short words ("99,60 %", "12/25", "Tăng 2 bậc", "—"), centred
    /// by every writer as a whole column; names and sentences read from the left.
    /// </summary>
    public bool IsCentred(int column)
    {
        var cells = Rows.Where(r => column < r.Count && r[column].Length > 0).Select(r => r[column]).ToList();
        return cells.Count > 0 && cells.All(c => c.Length <= 16) && cells.Any(c => c.Any(char.IsDigit) || c is "—");
    }
}
