using System.Text.Json;

namespace KpiMonitor.Shared.Configuration;

/// <summary>
/// Reads a source's unit mapping: inline (<c>"unitMap": { "source code": "catalogue code" }</c>) and/or a CSV
/// file (<c>"unitMapFile"</c>, columns <c>sourceCode,unitCode</c>, relative to the config folder).
/// Every catalogue code must exist.
/// </summary>
internal static class UnitMapReader
{
    public static IReadOnlyDictionary<string, string> Read(JsonElement e, string path, JsonConfigReader r, SourceLoadContext context)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapped = new HashSet<string>(StringComparer.Ordinal); // catalogue codes already taken: a lookup, not a count of the map per line
        if (e.TryGetProperty("unitMap", out var inline))
        {
            if (inline.ValueKind != JsonValueKind.Object)
            {
                r.Error($"{path}.unitMap", "phải là đối tượng { \"mã nguồn\": \"mã đơn vị\" }");
            }
            else
            {
                foreach (var pair in inline.EnumerateObject())
                {
                    Add(map, mapped, pair.Name, pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() : null, $"{path}.unitMap.{pair.Name}", r, context);
                }
            }
        }

        if (r.String(e, path, "unitMapFile", false) is { } file)
        {
            ReadFile(map, mapped, file, $"{path}.unitMapFile", r, context);
        }

        return map;
    }

    private static void ReadFile(Dictionary<string, string> map, HashSet<string> mapped, string file, string path, JsonConfigReader r, SourceLoadContext context)
    {
        string full = Path.Combine(context.Directory, file);
        if (!File.Exists(full))
        {
            r.Error(path, $"không tìm thấy tệp ánh xạ đơn vị '{full}'");
            return;
        }

        int line = 0;
        foreach (string text in File.ReadLines(full))
        {
            line++;
            if (line == 1 && text.StartsWith("sourceCode", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string[] parts = text.Split(',');
            if (parts.Length != 2)
            {
                r.Error(path, $"{file} dòng {line}: cần đúng 2 cột 'mã nguồn,mã đơn vị'");
                continue;
            }

            Add(map, mapped, parts[0].Trim(), parts[1].Trim(), $"{path} ({file} dòng {line})", r, context);
        }
    }

    private static void Add(Dictionary<string, string> map, HashSet<string> mapped, string sourceCode, string? unitCode, string where, JsonConfigReader r, SourceLoadContext context)
    {
        if (string.IsNullOrEmpty(unitCode) || !context.Catalog.Units.Contains(unitCode))
        {
            r.Error(where, $"mã nguồn '{sourceCode}' được ánh xạ tới đơn vị '{unitCode}' không có trong units.json");
        }
        else if (!map.TryAdd(sourceCode, unitCode))
        {
            r.Error(where, $"mã nguồn '{sourceCode}' được ánh xạ hai lần");
        }
        else if (!mapped.Add(unitCode))
        {
            // Two source units feeding one catalogue unit would overwrite each other's figures, not add up.
            r.Error(where, $"đơn vị '{unitCode}' đã được ánh xạ từ một mã nguồn khác; mỗi đơn vị chỉ nhận từ một mã nguồn");
        }
    }
}
