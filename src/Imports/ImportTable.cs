namespace KpiMonitor.Imports;

/// <summary>What a file reader produced: the non-empty rows (header included), or why the file cannot be read at all.</summary>
internal sealed record ImportTable(IReadOnlyList<ImportRow> Rows, string? Error)
{
    public static ImportTable Of(IReadOnlyList<ImportRow> rows) => new(rows, null);

    public static ImportTable Fail(string error) => new([], error);
}
