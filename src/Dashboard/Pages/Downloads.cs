namespace KpiMonitor.Dashboard.Pages;

/// <summary>The "Tải về: CSV · Excel" links of a table: <paramref name="Path"/> without its extension, and the query that follows it.</summary>
public sealed record Downloads(string Path, string Query = "");
