using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Reports.Content;

/// <summary>One KPI in the appendix: the definition in use, its source system and the targets of the year with their documents.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Targets">The targets configured for the report's year (for everyone, a level or a unit); empty when none.</param>
public sealed record AppendixRow(KpiDefinition Kpi, IReadOnlyList<AppendixTarget> Targets);
