using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>A child without a figure for a KPI in the period reported: stated, never skipped.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Unit">The unit without a figure.</param>
/// <param name="Period">First day of the KPI's period.</param>
public sealed record MissingFigure(KpiDefinition Kpi, OrgUnit Unit, DateOnly Period);
