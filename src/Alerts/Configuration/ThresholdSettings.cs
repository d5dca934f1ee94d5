namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// A threshold rule: breached when the compared number is above <see cref="Above"/> or below <see cref="Below"/>
/// (exactly one is set). "The online rate fell by more than 10 points" is <c>monthOnMonth</c>, below −10, points.
/// </summary>
public sealed record ThresholdSettings(ThresholdComparison Compare, double? Above, double? Below, ChangeUnit? Unit);
