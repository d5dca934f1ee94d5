namespace KpiMonitor.Reports.Content;

/// <summary>One month of a KPI's trend: the last figure of the month and the target of its year.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Value">The rolled-up value, null without a figure.</param>
/// <param name="Target">The target of the month's year, null without one.</param>
/// <param name="WarningBand">The target's warning band (0 without a target).</param>
public sealed record TrendPoint(DateOnly Month, double? Value, double? Target, double WarningBand);
