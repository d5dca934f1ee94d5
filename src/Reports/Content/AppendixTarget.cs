using KpiMonitor.Shared.Targets;

namespace KpiMonitor.Reports.Content;

/// <summary>A target of the appendix and whom it is for: "Tất cả đơn vị", a level's name or a unit's name.</summary>
public sealed record AppendixTarget(Target Target, string Scope);
