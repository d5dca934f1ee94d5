using KpiMonitor.Shared.Assessments;

namespace KpiMonitor.Reports.Content;

/// <summary>A child's change in a KPI against the period before or the same period last year.</summary>
/// <param name="Assessment">The child's assessment.</param>
/// <param name="Basis">What the change is measured against.</param>
/// <param name="Before">The value compared with.</param>
/// <param name="Change">Value now minus <paramref name="Before"/> (points for a percentage).</param>
/// <param name="Improvement">Whether the change is for the better, honouring the KPI's direction.</param>
public sealed record UnitChange(KpiAssessment Assessment, ChangeBasis Basis, double Before, double Change, bool Improvement);
