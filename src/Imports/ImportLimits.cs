using System.Globalization;

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

    internal static string N(long number) => number.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    internal string TooManyRows() => $"tệp có hơn {N(MaxRows)} dòng số liệu (giới hạn {N(MaxRows)} dòng); hãy chia thành nhiều tệp nhỏ hơn";

    internal string RowNumberTooLarge(long row) => $"dòng {N(row)} vượt quá giới hạn {N(MaxRowNumber)} dòng của một trang tính";

    internal string TooManyColumns(int row) => $"dòng {N(row)}: có giá trị ở cột thứ hơn {N(MaxColumns)} (giới hạn {N(MaxColumns)} cột)";

    internal string TooManyCells() => $"tệp có hơn {N(MaxCells)} ô (giới hạn {N(MaxCells)} ô, kể cả ô trống); hãy chia thành nhiều tệp nhỏ hơn";

    internal string LineTooLong(int row) => $"dòng {N(row)} dài hơn {N(MaxLineChars)} ký tự (giới hạn độ dài một dòng)";

    internal string CellTooLong(int row) => row == 0
        ? $"một chuỗi trong bảng chuỗi dùng chung dài hơn {N(MaxCellChars)} ký tự (giới hạn độ dài một ô)"
        : $"dòng {N(row)}: một ô dài hơn {N(MaxCellChars)} ký tự (giới hạn độ dài một ô)";

    internal string TooLarge() => $"tệp lớn hơn {MaxBytes / (1024 * 1024)} MB (giới hạn kích thước tệp); hãy chia thành nhiều tệp nhỏ hơn";

    internal string TooMuchUnzipped() =>
        $"tệp Excel khi giải nén lớn hơn {MaxDecompressedBytes / (1024 * 1024)} MB (giới hạn dung lượng giải nén); hãy chia thành nhiều tệp nhỏ hơn";

    internal string TooSlow() =>
        $"đọc tệp mất quá {MaxReadTime.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} giây (giới hạn thời gian đọc một tệp); hãy chia thành nhiều tệp nhỏ hơn";
}
