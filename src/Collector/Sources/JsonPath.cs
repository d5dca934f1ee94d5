using System.Text.Json;

namespace KpiMonitor.Collector.Sources;

/// <summary>Dot-separated property paths (<c>data.items</c>, <c>stats.online</c>) as source mappings name them; an empty path is the element itself.</summary>
internal static class JsonPath
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (string part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The object holding the last segment, or an undefined element when the way there is missing.</summary>
    public static JsonElement Parent(JsonElement root, string path)
    {
        int dot = path.LastIndexOf('.');
        return dot < 0 ? root : Find(root, path[..dot]) ?? default;
    }

    public static string Leaf(string path) => path[(path.LastIndexOf('.') + 1)..];
}
