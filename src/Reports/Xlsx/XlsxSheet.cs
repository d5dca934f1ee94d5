namespace KpiMonitor.Reports.Xlsx;

/// <summary>One worksheet of the report's workbook: a header row and rows of cells, each a string, a number or empty (null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
