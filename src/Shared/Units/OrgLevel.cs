namespace KpiMonitor.Shared.Units;

/// <summary>A level of the organisational hierarchy (province, department, district, commune…), configured, never hard-coded.</summary>
public sealed record OrgLevel(string Code, string NameVi, string NameEn);
