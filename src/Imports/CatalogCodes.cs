using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Imports;

/// <summary>
/// KPI and unit codes as people type them: exact first, then ignoring case when that names exactly one code,
/// so "lcu.s.snv" finds "LCU.S.SNV". What is stored is always the catalogue's own spelling.
/// </summary>
internal sealed class CatalogCodes(Catalog catalog)
{
    private readonly Dictionary<string, string> _kpis = UniqueIgnoringCase(catalog.Kpis.All.Select(k => k.Code));
    private readonly Dictionary<string, string> _units = UniqueIgnoringCase(catalog.Units.Units.Select(u => u.Code));

    public KpiDefinition? Kpi(string text) =>
        catalog.Kpis.Find(text) ?? (_kpis.TryGetValue(text, out var code) ? catalog.Kpis.Find(code) : null);

    public string? Unit(string text) => catalog.Units.Contains(text) ? text : _units.GetValueOrDefault(text);

    private static Dictionary<string, string> UniqueIgnoringCase(IEnumerable<string> codes) => codes
        .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() == 1)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
}
