namespace KpiMonitor.Shared.Kpis;

/// <summary>The configured KPIs, looked up by code (case-sensitive, as in line protocol and URLs).</summary>
public sealed class KpiCatalog
{
    private readonly Dictionary<string, KpiDefinition> _byCode;

    /// <summary>Creates a catalogue; codes must be unique (the loader checks this first).</summary>
    public KpiCatalog(IEnumerable<KpiDefinition> kpis)
    {
        All = kpis.ToList();
        _byCode = All.ToDictionary(k => k.Code, StringComparer.Ordinal);
    }

    /// <summary>Every KPI in file order.</summary>
    public IReadOnlyList<KpiDefinition> All { get; }

    /// <summary>The KPI with this code, or null.</summary>
    public KpiDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Whether a KPI with this code exists.</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);
}
