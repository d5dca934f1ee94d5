using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>Reads the rules of <c>alerts.json</c>, each checked against the KPIs, units, levels and sources.</summary>
internal sealed class RuleReader(JsonConfigReader r, Catalog catalog, IReadOnlyCollection<string> sources, AlertRule defaults)
{
    private static readonly Dictionary<string, RuleKind> Kinds = new()
    {
        ["target"] = RuleKind.Target, ["threshold"] = RuleKind.Threshold, ["projection"] = RuleKind.Projection,
        ["stale"] = RuleKind.Stale, ["sourceDown"] = RuleKind.SourceDown,
    };

    private readonly KindSettingsReader _settings = new(r, sources);

    private static readonly string[] Common = ["code", "kind", "summary", "for", "keepFiringFor", "repeat", "description"];

    public List<AlertRule> Rules(JsonElement root)
    {
        var rules = new List<AlertRule>();
        foreach (var (e, path) in r.Items(root, "$", "rules", required: true))
        {
            string? code = r.String(e, path, "code", true);
            if (code is not null && rules.Exists(x => x.Code == code))
            {
                r.Error($"{path}.code", $"quy tắc '{code}' bị trùng");
            }

            if (r.Choice(e, path, "kind", true, Kinds) is not { } kind)
            {
                continue;
            }

            r.OnlyKnown(e, path, [.. Common, .. KindProperties(kind)]);
            var kpi = kind switch
            {
                RuleKind.SourceDown => null,
                RuleKind.Stale when !e.TryGetProperty("kpi", out _) => null,
                _ => Kpi(e, path),
            };
            var rule = new AlertRule
            {
                Code = code ?? "",
                Kind = kind,
                Kpi = kpi?.Code,
                Scope = kind == RuleKind.SourceDown ? RuleScope.All : Scope(e, path),
                Severity = kind == RuleKind.Target ? null : AlertFileReader.Severity(r, e, path, required: true),
                For = Count(r, e, path, "for") ?? defaults.For,
                KeepFiringFor = Count(r, e, path, "keepFiringFor") ?? defaults.KeepFiringFor,
                Repeat = Repeat(e, path),
                Summary = Summary(e, path, kind),
                Threshold = kind == RuleKind.Threshold ? _settings.Threshold(e, path) : null,
                Projection = kind == RuleKind.Projection && kpi is not null ? _settings.Projection(e, path, kpi) : null,
                Stale = kind == RuleKind.Stale ? new StaleSettings(r.Duration(e, path, "grace", true) ?? TimeSpan.Zero) : null,
                SourceDown = kind == RuleKind.SourceDown ? _settings.SourceDown(e, path) : null,
            };
            rules.Add(rule);
        }

        return rules;
    }

    internal static int? Count(JsonConfigReader r, JsonElement obj, string path, string name)
    {
        int? count = r.Integer(obj, path, name, false);
        if (count is < 0 or > 1000)
        {
            r.Error($"{path}.{name}", $"số lần đánh giá phải trong khoảng 0–1000, không phải {count}");
            return null;
        }

        return count;
    }

    private static string[] KindProperties(RuleKind kind) => kind switch
    {
        RuleKind.Target => ["kpi", "scope"],
        RuleKind.Threshold => ["kpi", "scope", "severity", "compare", "above", "below", "unit"],
        RuleKind.Projection => ["kpi", "scope", "severity", "method", "months"],
        RuleKind.Stale => ["kpi", "scope", "severity", "grace"],
        _ => ["severity", "sources", "consecutiveFailures", "lastSuccessOlderThan"],
    };

    private KpiDefinition? Kpi(JsonElement e, string path)
    {
        string? code = r.String(e, path, "kpi", true);
        var kpi = code is null ? null : catalog.Kpis.Find(code);
        if (code is not null && kpi is null)
        {
            r.Error($"{path}.kpi", $"chỉ tiêu '{code}' không có trong kpis.json");
        }

        return kpi;
    }

    /// <summary><c>"all"</c>, <c>{ "level": "commune" }</c> or <c>{ "units": ["…"] }</c>; all units when absent.</summary>
    private RuleScope Scope(JsonElement e, string path)
    {
        if (!e.TryGetProperty("scope", out var scope) || scope.ValueKind == JsonValueKind.String && scope.GetString() == "all")
        {
            return RuleScope.All;
        }

        path += ".scope";
        if (scope.ValueKind != JsonValueKind.Object)
        {
            r.Error(path, "phải là \"all\", { \"level\": … } hoặc { \"units\": [ … ] }");
            return RuleScope.All;
        }

        r.OnlyKnown(scope, path, "level", "units");
        if (scope.TryGetProperty("level", out _) == scope.TryGetProperty("units", out _))
        {
            r.Error(path, "đặt đúng một trong hai: 'level' hoặc 'units'");
            return RuleScope.All;
        }

        if (r.String(scope, path, "level", false) is { } level)
        {
            if (catalog.Units.FindLevel(level) is null)
            {
                r.Error($"{path}.level", $"cấp '{level}' không có trong units.json");
            }

            return new RuleScope(level, []);
        }

        var units = new List<string>();
        foreach (var (unit, unitPath) in r.Strings(scope, path, "units"))
        {
            if (!catalog.Units.Contains(unit))
            {
                r.Error(unitPath, $"đơn vị '{unit}' không có trong units.json");
            }

            units.Add(unit);
        }

        if (units.Count == 0)
        {
            r.Error($"{path}.units", "danh sách đơn vị trống");
        }

        return new RuleScope(null, units);
    }

    private TimeSpan? Repeat(JsonElement e, string path) =>
        e.TryGetProperty("repeat", out var repeat) && repeat.ValueKind == JsonValueKind.String && repeat.GetString() == "never"
            ? null
            : r.Duration(e, path, "repeat", false) ?? defaults.Repeat;

    private SummaryTemplate Summary(JsonElement e, string path, RuleKind kind)
    {
        string text = r.String(e, path, "summary", true) ?? "";
        var template = SummaryTemplate.TryParse(text, out string? problem);
        if (template is null)
        {
            r.Error($"{path}.summary", $"mẫu nội dung sai: {problem}");
            return SummaryTemplate.TryParse("", out _)!;
        }

        var allowed = SummaryPlaceholders.For(kind);
        foreach (var unknown in template.Placeholders.Where(p => !allowed.Contains(p)).Distinct())
        {
            r.Error($"{path}.summary", $"chỗ thay thế '{{{unknown}}}' không dùng được cho quy tắc loại '{Kinds.First(k => k.Value == kind).Key}'; dùng: {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}");
        }

        return template;
    }
}
