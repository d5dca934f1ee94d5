using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// The units below the one reported that lack a figure other units do have, each with those KPIs: what the summary
/// names and section V lists. KPIs nobody has reported (<see cref="MonthlyReport.Unreported"/>) are said once instead.
/// </summary>
public static class MissingFigures
{
    /// <summary>The units lacking a reported KPI, the unit lacking most first, then by name.</summary>
    public static IReadOnlyList<UnitMissing> ByUnit(MonthlyReport report)
    {
        var unreported = report.Unreported.Select(u => u.Kpi.Code).ToHashSet(StringComparer.Ordinal);
        return report.Missing
            .Where(m => !unreported.Contains(m.Kpi.Code))
            .GroupBy(m => m.Unit.Code, StringComparer.Ordinal)
            .Select(g => new UnitMissing(g.First().Unit, g.Select(m => m.Kpi).ToList(), g.Select(m => (m.Period, m.Kpi.Period.OwnGranularity())).Distinct().ToList()))
            .OrderByDescending(u => u.Kpis.Count)
            .ThenBy(u => u.Unit.NameVi, StringComparer.Ordinal)
            .ToList();
    }
}
