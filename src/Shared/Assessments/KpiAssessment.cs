using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Assessments;

/// <summary>
/// How one KPI stands for one unit in one reporting period: its rolled-up value, the period before, the same period a
/// year earlier, the target of the period's year and the status against it, and, when assessed among its siblings,
/// its rank and the rank it held in the period before. Pages, the API, exports, alerts and reports all read it.
/// </summary>
/// <param name="Kpi">The KPI assessed.</param>
/// <param name="Unit">The unit assessed, its subtree rolled up.</param>
/// <param name="Granularity">The calendar period the KPI is read by (<see cref="ReportingPeriodExtensions.Granularity"/>).</param>
/// <param name="Period">First day of the period assessed.</param>
/// <param name="Value">The value of the period.</param>
/// <param name="Previous">The value of the period before.</param>
/// <param name="LastYear">The value of the same period a year earlier.</param>
/// <param name="Target">The target of the period's year, null when none applies.</param>
/// <param name="Status">The value against the target (<see cref="StatusRule"/>).</param>
/// <param name="Rank">
/// Rank among the siblings of the same level (<see cref="CompetitionRanks"/>); null without a value, or when the unit
/// was assessed alone rather than among its siblings.
/// </param>
/// <param name="PreviousRank">The rank in the period before, on the same terms as <paramref name="Rank"/>.</param>
/// <param name="InProgress">Whether the period holds today (Vietnam): its figures are so far and may still change.</param>
public sealed record KpiAssessment(
    KpiDefinition Kpi,
    OrgUnit Unit,
    PeriodGranularity Granularity,
    DateOnly Period,
    RolledValue Value,
    RolledValue Previous,
    RolledValue LastYear,
    Target? Target,
    KpiStatus Status,
    int? Rank,
    int? PreviousRank,
    bool InProgress)
{
    /// <summary>Places climbed since the period before (negative: places lost); null unless ranked in both.</summary>
    public int? Movement => Rank is { } now && PreviousRank is { } before ? before - now : null;
}
