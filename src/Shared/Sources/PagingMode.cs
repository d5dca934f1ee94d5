namespace KpiMonitor.Shared.Sources;

/// <summary>How a source splits a long answer into requests.</summary>
public enum PagingMode
{
    /// <summary>A page number (1-based unless configured) and a page size.</summary>
    Page,

    /// <summary>An offset (items to skip, from 0) and a limit.</summary>
    Offset,

    /// <summary>An opaque cursor that each answer gives for the next request.</summary>
    Cursor,

    /// <summary>One request returns everything.</summary>
    None,
}
