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

    private static readonly Dictionary<string, ThresholdComparison> Comparisons = new()
    {
        ["value"] = ThresholdComparison.Value, ["monthOnMonth"] = ThresholdComparison.MonthOnMonth, ["yearOnYear"] = ThresholdComparison.YearOnYear,
    };

    private static readonly Dictionary<string, ChangeUnit> ChangeUnits = new() { ["points"] = ChangeUnit.Points, ["percent"] = ChangeUnit.Percent };

    private static readonly Dictionary<string, ProjectionMethod> Methods = new()
    {
        ["linearTrend"] = ProjectionMethod.LinearTrend, ["pace"] = ProjectionMethod.Pace,
    };

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
                Threshold = kind == RuleKind.Threshold ? Threshold(e, path) : null,
                Projection = kind == RuleKind.Projection && kpi is not null ? Projection(e, path, kpi) : null,
                Stale = kind == RuleKind.Stale ? new StaleSettings(r.Duration(e, path, "grace", true) ?? TimeSpan.Zero) : null,
                SourceDown = kind == RuleKind.SourceDown ? SourceDown(e, path) : null,
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

    private ThresholdSettings? Threshold(JsonElement e, string path)
    {
        var compare = r.Choice(e, path, "compare", true, Comparisons);
        double? above = r.Number(e, path, "above", false), below = r.Number(e, path, "below", false);
        if (above.HasValue == below.HasValue)
        {
            r.Error(path, "đặt đúng một trong hai: 'above' hoặc 'below'");
        }

        var unit = r.Choice(e, path, "unit", compare is ThresholdComparison.MonthOnMonth or ThresholdComparison.YearOnYear, ChangeUnits);
        if (compare == ThresholdComparison.Value && unit is not null)
        {
            r.Error($"{path}.unit", "'unit' chỉ dùng khi so sánh mức thay đổi (monthOnMonth, yearOnYear)");
        }

        return compare is null ? null : new ThresholdSettings(compare.Value, above, below, unit);
    }

    /// <summary>Pace for flows (time roll-up sum), linear trend for stocks, unless set; pace of a stock means nothing.</summary>
    private ProjectionSettings Projection(JsonElement e, string path, KpiDefinition kpi)
    {
        bool flow = kpi.TimeRollup == TimeRollup.Sum;
        var method = r.Choice(e, path, "method", false, Methods) ?? (flow ? ProjectionMethod.Pace : ProjectionMethod.LinearTrend);
        if (method == ProjectionMethod.Pace && !flow)
        {
            r.Error($"{path}.method", $"chỉ tiêu '{kpi.Code}' là số liệu thời điểm, không cộng dồn theo tháng: dùng 'linearTrend'");
        }

        int months = r.Integer(e, path, "months", false) ?? 6;
        if (months is < 3 or > 24)
        {
            r.Error($"{path}.months", $"số tháng của xu hướng phải trong khoảng 3–24, không phải {months}");
        }

        return new ProjectionSettings(method, months);
    }

    private SourceDownSettings SourceDown(JsonElement e, string path)
    {
        var codes = new List<string>();
        if (e.TryGetProperty("sources", out _))
        {
            foreach (var (source, sourcePath) in r.Strings(e, path, "sources"))
            {
                if (!sources.Contains(source))
                {
                    r.Error(sourcePath, $"nguồn '{source}' không có trong sources.json");
                }

                codes.Add(source);
            }
        }

        int? failures = r.Integer(e, path, "consecutiveFailures", false);
        if (failures is < 1)
        {
            r.Error($"{path}.consecutiveFailures", $"phải từ 1 trở lên, không phải {failures}");
        }

        var age = r.Duration(e, path, "lastSuccessOlderThan", false);
        if (failures is null && age is null && !e.TryGetProperty("lastSuccessOlderThan", out _))
        {
            r.Error(path, "đặt ít nhất một điều kiện: 'consecutiveFailures' hoặc 'lastSuccessOlderThan'");
        }

        return new SourceDownSettings(codes, failures, age);
    }
}
