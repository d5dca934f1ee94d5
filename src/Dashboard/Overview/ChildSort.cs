namespace KpiMonitor.Dashboard.Overview;

/// <summary>The columns of the KPI page's child table a reader can sort by (<c>sort=</c> in the query string).</summary>
public enum ChildSort
{
    Rank,
    Unit,
    Value,
    Target,
    Status,
    Movement,
}
