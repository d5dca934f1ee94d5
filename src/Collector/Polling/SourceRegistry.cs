using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// The sources loaded from config/sources.json, built by a factory and resolved at start (never at registration), so a
/// bad file stops the start with every problem listed.
/// </summary>
public sealed class SourceRegistry(IReadOnlyList<SourceDefinition> sources)
{
    public IReadOnlyList<SourceDefinition> All { get; } = sources;

    public IEnumerable<SourceDefinition> Enabled => All.Where(s => s.Enabled);

    public SourceDefinition Get(string code) =>
        All.FirstOrDefault(s => s.Code == code) ?? throw new KeyNotFoundException($"Không có nguồn '{code}' trong sources.json.");
}
