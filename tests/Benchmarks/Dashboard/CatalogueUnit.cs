namespace KpiMonitor.Benchmarks.Dashboard;

/// <summary>One unit of a generated <c>units.json</c>; a root has no parent.</summary>
public sealed record CatalogueUnit(string Code, string NameVi, string Level, string? Parent);
