namespace KpiMonitor.Shared.Rollups;

/// <summary>
/// A KPI's value for a unit after combining the unit's own figure with its descendants'.
/// <see cref="Reporting"/> counts the units that had a figure.
/// </summary>
public sealed record RolledValue(double? Value, double? Numerator, double? Denominator, int Reporting);
