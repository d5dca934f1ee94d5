using System.Globalization;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Text;
using KpiMonitor.Shared.Units;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Fills a rule's summary for one breach, in Vietnamese as <c>alerts.json</c> writes it: numbers by
/// <see cref="TextFormat"/> in vi-VN ("43,2 %", "1.953"), the common placeholders ({severity}, {link}, {since}) here.
/// </summary>
internal sealed class SummaryText(Uri? dashboardUrl, DateTimeOffset now, Func<AlertKey, DateTimeOffset?> since)
{
    public static CultureInfo Vi => Cultures.Vietnamese;

    public string Render(AlertRule rule, AlertKey key, AlertSeverity severity, Dictionary<string, string> values)
    {
        values["severity"] = severity == AlertSeverity.Critical ? "nghiêm trọng" : "cảnh báo";
        values["link"] = key.PageLink(dashboardUrl);
        // A breach that is not pending or firing yet starts with this evaluation.
        values["since"] = TextFormat.Time(since(key) ?? now);
        return rule.Summary.Render(values);
    }

    public static Dictionary<string, string> For(OrgUnit unit, KpiDefinition kpi) => new(StringComparer.Ordinal)
    {
        ["unit"] = unit.NameVi, ["unitCode"] = unit.Code, ["kpi"] = kpi.NameVi, ["kpiCode"] = kpi.Code,
    };

    public static string Number(double? value, KpiDefinition kpi) => TextFormat.Number(value, kpi.IsPercentage, Vi);

    /// <summary>A change as its size ("11 điểm phần trăm", "25,0 %", "3 hồ sơ"): templates say which way ("giảm {change}").</summary>
    public static string Change(double change, ChangeUnit unit, KpiDefinition kpi) => unit switch
    {
        ChangeUnit.Percent => TextFormat.Percent(Math.Abs(change), Vi),
        _ when kpi.IsPercentage => TextFormat.Number(Math.Abs(change), false, Vi) + " điểm phần trăm",
        _ => TextFormat.Number(Math.Abs(change), false, Vi) + " " + kpi.DisplayUnit,
    };

    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met => "đạt",
        KpiStatus.AtRisk => "có nguy cơ không đạt",
        KpiStatus.Missed => "không đạt",
        KpiStatus.NoTarget => "không có mục tiêu",
        _ => "chưa có số liệu",
    };

    public static string Method(ProjectionMethod method, int months) => method == ProjectionMethod.Pace
        ? "nhịp độ từ đầu năm"
        : string.Create(Vi, $"xu hướng tuyến tính {months} tháng gần nhất");
}
