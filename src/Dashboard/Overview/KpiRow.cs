using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Overview;

/// <summary>
/// A child unit in a KPI page's table. <see cref="Rank"/> and <see cref="PreviousRank"/> compare the unit with its
/// siblings of the same level; <see cref="Movement"/> is how many places it climbed since the previous period.
/// </summary>
public sealed record KpiRow(OrgUnit Unit, RolledValue Value, Target? Target, KpiStatus Status, int? Rank, int? PreviousRank)
{
    public int? Movement => Rank is { } now && PreviousRank is { } before ? before - now : null;
}
