using System.Text.Json;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads and checks <c>sources.json</c>; the parts of one source live in <see cref="SourceEntryReader"/>.</summary>
internal static class SourceFileReader
{
    public static IReadOnlyList<SourceDefinition> Read(JsonElement root, JsonConfigReader r, SourceLoadContext context)
    {
        var sources = new List<SourceDefinition>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (e, path) in r.Array(root, "sources"))
        {
            var source = SourceEntryReader.Read(e, path, r, context);
            if (source is null)
            {
                continue;
            }

            if (!seen.TryAdd(source.Code, path))
            {
                r.Error($"{path}.code", $"mã nguồn '{source.Code}' bị trùng với {seen[source.Code]}");
                continue;
            }

            sources.Add(source);
        }

        return sources;
    }
}
