namespace KpiMonitor.Shared.Imports;

/// <summary>A non-empty row of a file, numbered as a spreadsheet shows it (the first line is row 1).</summary>
internal sealed record ImportRow(int Number, IReadOnlyList<ImportCell> Cells)
{
    public ImportCell this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : ImportCell.Empty;

    public static bool AllEmpty(IEnumerable<ImportCell> cells) => cells.All(c => c.IsEmpty);
}
