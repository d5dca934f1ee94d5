using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>One KPI of one unit for one month, with what the overview shows around it; its sparkline ends with <paramref name="Month"/>.</summary>
public sealed record KpiTile(
    KpiDefinition Kpi,
    RolledValue Current,
    double? Previous,
    double? LastYear,
    Target? Target,
    KpiStatus Status,
    DateOnly Month);
