using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// What a digest item is about and its figures as people read them: unit and KPI names from the catalogue (not codes),
/// values formatted for the KPI (vi-VN "43,2 %", "1.953"), and the words the rule's kind gives them (a target, a
/// threshold, a change, a projection, failures in a row). <see cref="Codes"/> serves where no catalogue is at hand.
/// </summary>
public sealed class DigestLabels
{
    private readonly Catalog? _catalog;
    private readonly Dictionary<string, AlertRule> _rules = new(StringComparer.Ordinal);

    /// <summary>Labels from <paramref name="alerts"/>' rules and <paramref name="catalog"/>'s names (codes and bare numbers without it).</summary>
    public DigestLabels(AlertConfig alerts, Catalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        _catalog = catalog;
        foreach (var rule in alerts.Rules)
        {
            _rules.TryAdd(rule.Code, rule);
        }
    }

    private DigestLabels()
    {
    }

    /// <summary>Codes and bare numbers: for callers without the catalogue.</summary>
    public static DigestLabels Codes { get; } = new();

    /// <summary>"Xã Bản Giang · Tỷ lệ hồ sơ nộp trực tuyến", "nguồn eoffice"; codes for what the catalogue does not know.</summary>
    public string Scope(AlertKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Source is not null)
        {
            return $"nguồn {key.Source}";
        }

        string unit = key.Unit is null ? "" : _catalog?.Units.Find(key.Unit)?.NameVi ?? $"đơn vị {key.Unit}";
        string? kpi = key.Kpi is null ? null : Kpi(key.Kpi)?.NameVi ?? $"chỉ tiêu {key.Kpi}";
        return kpi is null ? unit : $"{unit} · {kpi}";
    }

    /// <summary>"giá trị 43,2 % / mục tiêu 50,0 %", "4 lần lỗi liên tiếp / ngưỡng 3"…; empty when the item has no figure.</summary>
    public string Figures(DigestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var snapshot = item.Snapshot;
        var rule = _rules.GetValueOrDefault(item.Key.Rule);
        var kpi = item.Key.Kpi is null ? null : Kpi(item.Key.Kpi);
        if (rule is null || (kpi is null && rule.Kind != RuleKind.SourceDown))
        {
            return Bare(snapshot);
        }

        return rule.Kind switch
        {
            RuleKind.Target => Pair("giá trị", Number(snapshot.Value, kpi!), "mục tiêu", Number(snapshot.Target, kpi!)),
            RuleKind.Projection => Pair("dự báo cuối năm", Number(snapshot.Value, kpi!), "mục tiêu", Number(snapshot.Target, kpi!)),
            RuleKind.Threshold when rule.Threshold is { Compare: ThresholdComparison.Value } =>
                Pair("giá trị", Number(snapshot.Value, kpi!), "ngưỡng", Number(snapshot.Target, kpi!)),
            RuleKind.Threshold => Pair("thay đổi", Change(snapshot.Value, rule.Threshold?.Unit, kpi!), "ngưỡng", Change(snapshot.Target, rule.Threshold?.Unit, kpi!)),
            RuleKind.SourceDown => Join(Count(snapshot.Value) is { } failures ? $"{failures} lần lỗi liên tiếp" : null, Count(snapshot.Target) is { } limit ? $"ngưỡng {limit}" : null),
            _ => "",
        };
    }

    private static string Pair(string name, string? value, string otherName, string? other) =>
        Join(value is null ? null : $"{name} {value}", other is null ? null : $"{otherName} {other}");

    private static string Join(string? first, string? second) =>
        first is null ? second ?? "" : second is null ? first : $"{first} / {second}";

    private static string? Number(double? value, KpiDefinition kpi) =>
        value is null ? null : TextFormat.Number(value, kpi.IsPercentage, Cultures.Vietnamese);

    private static string? Count(double? value) =>
        value is { } v ? TextFormat.Count((long)Math.Round(v), Cultures.Vietnamese) : null;

    // A signed change: the direction matters in a table, where no sentence says "giảm".
    private static string? Change(double? value, ChangeUnit? unit, KpiDefinition kpi) => value switch
    {
        null => null,
        { } v when unit == ChangeUnit.Percent => TextFormat.Percent(v, Cultures.Vietnamese),
        { } v when kpi.IsPercentage => TextFormat.Number(v, false, Cultures.Vietnamese) + " điểm phần trăm",
        { } v => TextFormat.Number(v, false, Cultures.Vietnamese) + " " + kpi.DisplayUnit,
    };

    private static string Bare(AlertSnapshot snapshot) => Pair(
        "giá trị", snapshot.Value?.ToString("#,##0.##", Cultures.Vietnamese),
        "mục tiêu", snapshot.Target?.ToString("#,##0.##", Cultures.Vietnamese));

    private KpiDefinition? Kpi(string code) => _catalog?.Kpis.Find(code);
}
