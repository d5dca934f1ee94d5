using KpiMonitor.Shared.Units;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// Everything the monthly leadership report states for one unit and one month, computed from the shared assessment
/// (<see cref="KpiMonitor.Shared.Assessments.KpiAssessor"/>); the DOCX, PDF and XLSX writers only lay it out.
/// </summary>
/// <param name="Unit">The unit reported on (province, department or commune), its subtree rolled up.</param>
/// <param name="Month">First day of the month reported.</param>
/// <param name="Options">Issuing body, place and list lengths.</param>
/// <param name="Children">The units directly under it at the month's end, whose figures the counts, changes and league tables are of.</param>
/// <param name="Kpis">Each KPI's figures for the unit, in catalogue order.</param>
/// <param name="Attainment">For each KPI with a target and each level among the unit's children: how many met it.</param>
/// <param name="Changes">The biggest improvements and falls among the children, against last month and last year.</param>
/// <param name="Missing">Children without a figure for a KPI in its period (every one, for the workbook).</param>
/// <param name="Unreported">KPIs none of the children has a figure for: the text says so once, and lists per unit only the rest.</param>
/// <param name="StaleSources">Sources whose figures can no longer be trusted as current.</param>
/// <param name="Leagues">Top and bottom children per KPI and level, with rank movement.</param>
/// <param name="Appendix">Each KPI's definition, source system, target and its document.</param>
/// <param name="Summary">The summary, sentence by sentence, in the register of the seed reports.</param>
/// <param name="Alerts">The month's alerts of the unit and the units below it; null when the host has no alerting.</param>
public sealed record MonthlyReport(
    OrgUnit Unit,
    DateOnly Month,
    ReportOptions Options,
    IReadOnlyList<OrgUnit> Children,
    IReadOnlyList<KpiSection> Kpis,
    IReadOnlyList<TargetAttainment> Attainment,
    IReadOnlyList<UnitChange> Changes,
    IReadOnlyList<MissingFigure> Missing,
    IReadOnlyList<UnreportedKpi> Unreported,
    IReadOnlyList<StaleSource> StaleSources,
    IReadOnlyList<LeagueTable> Leagues,
    IReadOnlyList<AppendixRow> Appendix,
    IReadOnlyList<string> Summary,
    MonthAlerts? Alerts = null);
