namespace KpiMonitor.Shared.Sources;

/// <summary>Where one KPI's figures are in each item of an <c>http-json</c> source: a value, or a numerator and a denominator.</summary>
public sealed record JsonKpiMapping(string Kpi, string? ValuePath, string? NumeratorPath, string? DenominatorPath);
