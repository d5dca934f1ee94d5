using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>One unit and the KPIs it has no figure for while other units do.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kpis">The KPIs, in catalogue order.</param>
/// <param name="Periods">The periods those figures are of (a month, a quarter, a year).</param>
public sealed record UnitMissing(OrgUnit Unit, IReadOnlyList<KpiDefinition> Kpis, IReadOnlyList<(DateOnly Start, PeriodGranularity Granularity)> Periods);
