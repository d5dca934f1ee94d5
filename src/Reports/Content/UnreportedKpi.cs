using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// A KPI for which no unit below the one reported has a figure in its period (a yearly ranking not yet published, a
/// manual figure nobody has entered): said once for all the units, instead of once per unit.
/// </summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Period">First day of its period holding the month reported.</param>
/// <param name="Units">How many units below have no figure (all of them).</param>
public sealed record UnreportedKpi(KpiDefinition Kpi, DateOnly Period, int Units);
