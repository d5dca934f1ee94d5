using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources;

/// <summary>
/// Turns a source's unit code into a catalogue unit code: through the source's mapping table when it has
/// one entry for the code, otherwise the code itself when the catalogue knows it. Anything else is unknown
/// and must be reported by the caller, never dropped silently.
/// </summary>
public sealed class UnitResolver(SourceDefinition source, Catalog catalog)
{
    public string? Resolve(string sourceCode) =>
        source.UnitMap.TryGetValue(sourceCode, out string? mapped) ? mapped
        : catalog.Units.Contains(sourceCode) ? sourceCode
        : null;
}
