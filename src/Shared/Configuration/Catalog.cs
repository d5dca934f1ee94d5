using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Everything loaded from <c>config/</c>: KPIs, the unit hierarchy and targets.</summary>
public sealed record Catalog(KpiCatalog Kpis, OrgTree Units, TargetBook Targets, string Directory);
