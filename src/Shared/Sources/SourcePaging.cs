namespace KpiMonitor.Shared.Sources;

/// <summary>
/// How a paged endpoint is walked and where its envelope keeps the items, the promised total and the next cursor.
/// Paths are dot-separated property names in the answer (<c>ketQua.danhSach</c>); the defaults are the contract of
/// docs/source-apis.md: <c>page</c> from 1, <c>pageSize</c>, answer <c>{ "total", "items" }</c>.
/// </summary>
public sealed record SourcePaging
{
    /// <summary>The contract of the simulated systems (docs/source-apis.md).</summary>
    public static SourcePaging Default { get; } = new();

    /// <summary>How requests are split.</summary>
    public PagingMode Mode { get; init; } = PagingMode.Page;

    /// <summary>Query parameter carrying the page number (<see cref="PagingMode.Page"/>).</summary>
    public string PageParameter { get; init; } = "page";

    /// <summary>Number of the first page, 0 or 1 (<see cref="PagingMode.Page"/>).</summary>
    public int FirstPage { get; init; } = 1;

    /// <summary>Query parameter carrying the page size (the source's <c>pageSize</c>); the limit in <see cref="PagingMode.Offset"/>.</summary>
    public string SizeParameter { get; init; } = "pageSize";

    /// <summary>Query parameter carrying the number of items to skip (<see cref="PagingMode.Offset"/>).</summary>
    public string OffsetParameter { get; init; } = "offset";

    /// <summary>Query parameter carrying the cursor (<see cref="PagingMode.Cursor"/>); not sent on the first request.</summary>
    public string CursorParameter { get; init; } = "cursor";

    /// <summary>Where an answer gives the next cursor (<see cref="PagingMode.Cursor"/>); missing, null or empty ends the walk.</summary>
    public string NextCursorPath { get; init; } = "nextCursor";

    /// <summary>Where the array of items is in an answer; empty for a top-level array.</summary>
    public string ItemsPath { get; init; } = "items";

    /// <summary>Where the answer promises the total number of items; null when it does not.</summary>
    public string? TotalPath { get; init; } = "total";
}
