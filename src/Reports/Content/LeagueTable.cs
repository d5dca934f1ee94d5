using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>The best and the worst ranked children of one level for one KPI, with their movement since the period before.</summary>
/// <param name="Kpi">The KPI ranked.</param>
/// <param name="Level">The level ranked within (ranks compare siblings of one level only).</param>
/// <param name="Ranked">How many children of the level have a rank.</param>
/// <param name="Top">The best, rank 1 first.</param>
/// <param name="Bottom">The worst, the last rank last; none shown twice (empty when the top shows every unit).</param>
public sealed record LeagueTable(KpiDefinition Kpi, OrgLevel Level, int Ranked, IReadOnlyList<KpiAssessment> Top, IReadOnlyList<KpiAssessment> Bottom);
