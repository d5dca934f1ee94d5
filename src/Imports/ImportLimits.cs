using System.Globalization;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Imports;

/// <summary>
/// How much one manual figure file may hold, for the dashboard's upload and the collector's drop folder alike. A real
/// ministry file (a few thousand rows of seven or so columns) is far inside every limit; a file past one is refused
/// as soon as the reader sees it, before it costs more than the limit, with a Vietnamese reason naming the limit.
/// Memory is bounded by what the file holds, never by the shape it claims (a cell in column XFD is one cell).
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The limits both the upload and the drop folder use.</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>Largest file, in bytes (20 MB).</summary>
    public int MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Most non-empty data rows (the header not counted).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>
    /// Most rows a file may number or hold, empty ones included: Excel's own last row. Past it a row number is
    /// no spreadsheet's, and millions of empty rows compressed into a small file would cost seconds of CPU each.
    /// </summary>
    public int MaxRowNumber { get; init; } = 1_048_576;

    /// <summary>Most columns: a value in a column past this one refuses the file (the import has seven columns).</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Most cells read, empty ones included (CSV fields, worksheet cells).</summary>
    public int MaxCells { get; init; } = 3_000_000;

    /// <summary>Longest CSV line, in characters.</summary>
    public int MaxLineChars { get; init; } = 100_000;

    /// <summary>Longest cell text (Excel's own limit is 32,767 characters).</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Most bytes an .xlsx file may hold once unzipped, counted as they are inflated, not as the zip declares them.</summary>
    public long MaxDecompressedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest time one file may take to read.</summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(30);

    internal static string N(long number) => TextFormat.Count(number, SharedText.Culture);

    internal string TooManyRows() => SharedText.Format("limit.rows", N(MaxRows));

    internal string RowNumberTooLarge(long row) => SharedText.Format("limit.rowNumber", N(row), N(MaxRowNumber));

    internal string TooManyColumns(int row) => SharedText.Format("limit.columns", N(row), N(MaxColumns));

    internal string TooManyCells() => SharedText.Format("limit.cells", N(MaxCells));

    internal string LineTooLong(int row) => SharedText.Format("limit.line", N(row), N(MaxLineChars));

    internal string CellTooLong(int row) => row == 0
        ? SharedText.Format("limit.sharedString", N(MaxCellChars))
        : SharedText.Format("limit.cell", N(row), N(MaxCellChars));

    internal string TooLarge() => SharedText.Format("limit.bytes", MaxBytes / (1024 * 1024));

    internal string TooMuchUnzipped() =>
        SharedText.Format("limit.unzipped", MaxDecompressedBytes / (1024 * 1024));

    internal string TooSlow() =>
        SharedText.Format("limit.time", MaxReadTime.TotalSeconds.ToString("0", CultureInfo.InvariantCulture));
}
