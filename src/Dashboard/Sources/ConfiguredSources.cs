using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>The sources of config/sources.json, for the sources and unit pages; the dashboard only shows them, never polls.</summary>
public sealed class ConfiguredSources(IReadOnlyList<SourceDefinition> all)
{
    public IReadOnlyList<SourceDefinition> All { get; } = all;

    public SourceDefinition? Find(string code) => All.FirstOrDefault(s => s.Code == code);
}
