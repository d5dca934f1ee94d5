using KpiMonitor.Shared.Assessments;

namespace KpiMonitor.Reports.Content;

/// <summary>One KPI for the reported unit: its assessment in the month (value, last period, last year, target, status) and its 12-month trend.</summary>
/// <param name="Assessment">The shared assessment of the unit for the KPI's period holding the month's last day.</param>
/// <param name="Trend">The twelve months up to the month reported, oldest first, each with the target of its year.</param>
public sealed record KpiSection(KpiAssessment Assessment, IReadOnlyList<TrendPoint> Trend);
