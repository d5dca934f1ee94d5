using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// The KPI page's child table: the levels present among all children with how many children each has (for the
/// level filter), the number of children, the rows the reader asked for, and the period the ranks compare
/// (a month, or a quarter or year for KPIs reported so).
/// </summary>
public sealed record ChildTable(IReadOnlyList<(OrgLevel Level, int Count)> Levels, int Total, IReadOnlyList<KpiRow> Rows, PeriodGranularity Period);
