using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>"18/25 đơn vị cấp xã đạt chỉ tiêu …": the children of one level against a KPI's target in the month.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Level">The children's level.</param>
/// <param name="Units">Children of that level in the period's tree.</param>
/// <param name="Met">Children that met their target.</param>
/// <param name="AtRisk">Children short of it within the warning band.</param>
/// <param name="Missed">Children short of it by more than the band.</param>
/// <param name="NoData">Children without a figure.</param>
/// <param name="NoTarget">Children with a figure but no target for the year.</param>
public sealed record TargetAttainment(KpiDefinition Kpi, OrgLevel Level, int Units, int Met, int AtRisk, int Missed, int NoData, int NoTarget);
