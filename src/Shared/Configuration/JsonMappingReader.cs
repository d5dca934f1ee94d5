using System.Text.Json;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Reads the declarative mapping of an <c>http-json</c> source and checks it against the catalogue.</summary>
internal static class JsonMappingReader
{
    public static JsonSourceMapping? Read(JsonElement source, string sourcePath, JsonConfigReader r, Catalog catalog)
    {
        string path = $"{sourcePath}.mapping";
        if (!source.TryGetProperty("mapping", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "nguồn http-json cần mục 'mapping' (path, unitPath, kpis)");
            return null;
        }

        r.OnlyKnown(e, path, "path", "periodFormat", "itemsPath", "unitPath", "timePath", "timeFormats", "paged", "kpis");
        string? requestPath = r.String(e, path, "path", true);
        foreach (string placeholder in PeriodPlaceholders.All(requestPath ?? "").Where(p => p != "{page}" && !PeriodPlaceholders.Names.Contains(p)))
        {
            r.Error($"{path}.path", $"'{placeholder}' không phải chỗ giữ chỗ hợp lệ; dùng {string.Join(", ", PeriodPlaceholders.Names)} hoặc {{page}}");
        }

        string? unitPath = r.String(e, path, "unitPath", true);
        var kpis = new List<JsonKpiMapping>();
        if (!e.TryGetProperty("kpis", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            r.Error($"{path}.kpis", "cần ít nhất một chỉ tiêu");
        }
        else
        {
            int i = 0;
            foreach (var k in array.EnumerateArray())
            {
                string kpiPath = $"{path}.kpis[{i++}]";
                r.OnlyKnown(k, kpiPath, "kpi", "valuePath", "numeratorPath", "denominatorPath");
                string? code = r.String(k, kpiPath, "kpi", true);
                var kpi = code is null ? null : catalog.Kpis.Find(code);
                if (code is not null && kpi is null)
                {
                    r.Error($"{kpiPath}.kpi", $"chỉ tiêu '{code}' không có trong kpis.json");
                    continue;
                }

                string? value = r.String(k, kpiPath, "valuePath", false);
                string? numerator = r.String(k, kpiPath, "numeratorPath", false);
                string? denominator = r.String(k, kpiPath, "denominatorPath", false);
                if (kpi?.Kind == KpiKind.Ratio && (numerator is null || denominator is null))
                {
                    r.Error(kpiPath, $"chỉ tiêu tỷ lệ '{code}' cần numeratorPath và denominatorPath");
                }
                else if (kpi is not null && kpi.Kind != KpiKind.Ratio && value is null)
                {
                    r.Error(kpiPath, $"chỉ tiêu '{code}' cần valuePath");
                }
                else if (kpi is not null)
                {
                    kpis.Add(new JsonKpiMapping(kpi.Code, value, numerator, denominator));
                }
            }
        }

        bool paged = e.TryGetProperty("paged", out var p) && p.ValueKind == JsonValueKind.True;
        if (paged && requestPath is not null && !requestPath.Contains("{page}", StringComparison.Ordinal))
        {
            r.Error($"{path}.path", "nguồn có phân trang (paged) cần '{page}' trong đường dẫn");
        }

        return requestPath is null || unitPath is null
            ? null
            : new JsonSourceMapping
            {
                Path = requestPath, ItemsPath = r.String(e, path, "itemsPath", false) ?? "", UnitPath = unitPath,
                TimePath = r.String(e, path, "timePath", false), Paged = paged, Kpis = kpis,
                PeriodFormat = DateFormatRules.ReadPeriodFormat(e, path, r) ?? "yyyy-MM",
                TimeFormats = DateFormatRules.Read(e, path, "timeFormats", r, needDay: false) ?? JsonSourceMapping.DefaultTimeFormats,
            };
    }
}
