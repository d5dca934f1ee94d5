namespace KpiMonitor.Imports;

/// <summary>
/// Collects the rows of one file within its <see cref="ImportLimits"/>: keeps only non-empty cells, counts every cell
/// and row seen (empty ones too), and checks the clock now and then. Each method answers why the file must be refused,
/// or null to go on.
/// </summary>
internal sealed class ImportRowBuilder(ImportLimits limits, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly List<(int Column, ImportCell Cell)> _cells = [];
    private long _cellsSeen;
    private int _rowsSeen;

    public List<ImportRow> Rows { get; } = [];

    /// <summary>A cell of the current row (<paramref name="column"/> from 0); empty ones are counted, not kept.</summary>
    public string? Cell(int row, int column, ImportCell cell)
    {
        if (++_cellsSeen > limits.MaxCells)
        {
            return limits.TooManyCells();
        }

        if (cell.IsEmpty)
        {
            return null;
        }

        if (column >= limits.MaxColumns)
        {
            return limits.TooManyColumns(row);
        }

        if (cell.Text.Length > limits.MaxCellChars)
        {
            return limits.CellTooLong(row);
        }

        _cells.Add((column, cell));
        return null;
    }

    /// <summary>Ends row <paramref name="number"/>: kept when it holds something.</summary>
    public string? EndRow(int number)
    {
        if (number > limits.MaxRowNumber || ++_rowsSeen > limits.MaxRowNumber)
        {
            return limits.RowNumberTooLarge(Math.Max(number, _rowsSeen));
        }

        if (time.GetElapsedTime(_started) > limits.MaxReadTime)
        {
            return limits.TooSlow();
        }

        if (_cells.Count == 0)
        {
            return null;
        }

        // Cells of a worksheet row may come in any order, and a column twice: the last one stands, as before.
        bool ordered = true;
        for (int i = 1; i < _cells.Count && ordered; i++)
        {
            ordered = _cells[i - 1].Column < _cells[i].Column;
        }

        var cells = ordered ? _cells.ToArray() : _cells
            .Select((c, i) => (c, i)).OrderBy(x => x.c.Column).ThenBy(x => x.i)
            .GroupBy(x => x.c.Column).Select(g => g.Last().c).ToArray();
        _cells.Clear();
        Rows.Add(new ImportRow(number, cells));
        return Rows.Count > limits.MaxRows + 1 ? limits.TooManyRows() : null;
    }

    /// <summary>Whether the time allowed for one file is up (for readers that do long work between rows).</summary>
    public string? CheckTime() => time.GetElapsedTime(_started) > limits.MaxReadTime ? limits.TooSlow() : null;
}
