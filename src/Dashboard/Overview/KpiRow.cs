using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>A child unit in a KPI page's table.</summary>
public sealed record KpiRow(OrgUnit Unit, RolledValue Value, Target? Target, KpiStatus Status, int? Rank, int? PreviousRank);
