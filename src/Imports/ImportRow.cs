namespace KpiMonitor.Imports;

/// <summary>
/// A non-empty row of a file, numbered as a spreadsheet shows it (the first line is row 1). Only the cells that hold
/// something are kept, ordered by column: a row with one value in column XFD is one cell, not 16,384.
/// </summary>
internal sealed record ImportRow(int Number, IReadOnlyList<(int Column, ImportCell Cell)> Cells)
{
    public ImportCell this[int column]
    {
        get
        {
            int low = 0, high = Cells.Count - 1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                int found = Cells[middle].Column;
                if (found == column)
                {
                    return Cells[middle].Cell;
                }

                (low, high) = found < column ? (middle + 1, high) : (low, middle - 1);
            }

            return ImportCell.Empty;
        }
    }
}
