using System.Globalization;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Text;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Dashboard.Localization;

/// <summary>Names of the catalogue's KPIs, units and targets as people read them; a code the catalogue no longer has stands as it is.</summary>
public static class CatalogText
{
    public static string KpiName(this Catalog catalog, string code, CultureInfo culture) =>
        catalog.Kpis.Find(code) is { } kpi ? kpi.Name(culture) : code;

    /// <summary>The KPI's name in <paramref name="culture"/>'s language.</summary>
    public static string Name(this KpiDefinition kpi, CultureInfo culture) =>
        Cultures.IsEnglish(culture) && !string.IsNullOrEmpty(kpi.NameEn) ? kpi.NameEn : kpi.NameVi;

    /// <summary>The level's name in <paramref name="culture"/>'s language.</summary>
    public static string Name(this OrgLevel level, CultureInfo culture) =>
        Cultures.IsEnglish(culture) && !string.IsNullOrEmpty(level.NameEn) ? level.NameEn : level.NameVi;

    public static string UnitName(this Catalog catalog, string code, CultureInfo culture) => catalog.Units.Find(code)?.Name(culture) ?? code;

    /// <summary>Who a target is for: a unit, a level or everyone.</summary>
    public static string TargetScope(this Catalog catalog, Target target, CultureInfo culture) =>
        target.Unit is { } unit ? catalog.UnitName(unit, culture)
        : target.Level is { } level ? catalog.Units.FindLevel(level) is { } l ? l.Name(culture) : level
        : UiText.Get("admin.everyone", culture);

    /// <summary>The targets in catalogue order of their KPI, then everyone, levels from the top, units; then by year.</summary>
    public static IReadOnlyList<Target> OrderedTargets(this Catalog catalog)
    {
        var kpiOrder = catalog.Kpis.All.Select((k, i) => (k.Code, i)).ToDictionary(k => k.Code, k => k.i, StringComparer.Ordinal);
        return catalog.Targets.All
            .OrderBy(t => kpiOrder.GetValueOrDefault(t.Kpi, int.MaxValue))
            .ThenBy(t => t.Unit is null ? 0 : 1)
            .ThenBy(t => t.Level is null ? -1 : catalog.Units.LevelOrder(t.Level))
            .ThenBy(t => t.FromYear)
            .ToList();
    }

    /// <summary>The period of an audit entry as its KPI counts periods ("11/2026", "Q3/2026", "2019").</summary>
    public static string AuditPeriod(this Catalog catalog, AuditEntry entry) => catalog.Kpis.Find(entry.Kpi) is { } kpi
        ? ManualPeriod.Label(kpi.Period, entry.Period, System.Globalization.CultureInfo.CurrentCulture)
        : entry.Period.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
