using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KpiMonitor.Benchmarks.Dashboard;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Benchmarks.Alerts;

/// <summary>
/// The benchmark's <c>alerts.json</c>: one rule per KPI over every unit (26 × 5,000 = 130,000 instances), of the kind a
/// province would set for it (target where the KPI has one, stale data otherwise; a change and two projections, so every
/// judge runs), and 40 mail recipients spread over the tree: the province, the departments' level,
/// 37 districts (their communes route to them) and the ICT department for the rest.
/// </summary>
public static class AlertsBenchmarkConfig
{
    public const string BreachingKpi = "online_dossier_rate";
    public const int DistrictContacts = 37;

    /// <summary>Province + department level + districts + operators.</summary>
    public const int Recipients = 1 + 1 + DistrictContacts + 1;

    private static readonly string[] UnitAndParent = ["unit", "parent"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = true };

    public static void Write(string directory, Catalog catalog, int smtpPort)
    {
        var rules = catalog.Kpis.All.Select(kpi => Rule(kpi.Code, catalog.Targets.All.Any(t => t.Kpi == kpi.Code))).ToList();
        var recipients = new List<object>
        {
            new { unit = NationalConfig.Province, contacts = new[] { Mail("Văn phòng Ủy ban nhân dân tỉnh", "vpub") } },
            new { level = "department", contacts = new[] { Mail("Hộp thư các sở, ban, ngành", "so-nganh") } },
        };
        recipients.AddRange(Enumerable.Range(0, DistrictContacts).Select(d => (object)new
        {
            unit = NationalConfig.District(d),
            contacts = new[] { Mail($"Ủy ban nhân dân {catalog.Units.Find(NationalConfig.District(d))!.NameVi}", $"huyen{d + 1:D2}") },
        }));

        File.WriteAllText(Path.Combine(directory, "alerts.json"), JsonSerializer.Serialize(new
        {
            dashboardUrl = "http://localhost:5080",
            defaults = new { @for = 1, keepFiringFor = 1, repeat = "1d" },
            escalation = new { after = "4h" },
            channels = new[] { new { code = "email", type = "email", host = "127.0.0.1", port = smtpPort, from = "canhbao@kpimonitor.local" } },
            operators = new[] { Mail("Phòng Công nghệ thông tin, Sở Khoa học và Công nghệ", "cntt") },
            recipients,
            routes = new[] { new { level = "commune", notify = UnitAndParent } },
            rules,
        }, Json));
    }

    /// <summary>
    /// Targets every unit meets with the generated history, except the breaching KPI's (the repository's 50 %, band 10):
    /// before the breach nothing fires, so the breach round carries exactly the 5,000 units' alerts.
    /// </summary>
    public static void WriteLenientTargets(string directory, Catalog catalog)
    {
        var targets = catalog.Kpis.All
            .Where(k => k.Code != BreachingKpi && catalog.Targets.All.Any(t => t.Kpi == k.Code))
            .Select(k => (object)new
            {
                kpi = k.Code, from = 2020, to = 2030,
                value = k.Direction == Direction.HigherIsBetter ? 1 : 1_000_000, warningBand = 0, document = "benchmark",
            })
            .Append(new { kpi = BreachingKpi, from = 2020, to = 2030, value = 50, warningBand = 10, document = "benchmark" });
        File.WriteAllText(Path.Combine(directory, "targets.json"), JsonSerializer.Serialize(new { targets }, Json));
    }

    private static object Mail(string name, string box) => new { name, channel = "email", address = $"{box}@kpimonitor.local" };

    private static object Rule(string kpi, bool hasTarget) => kpi switch
    {
        "on_time_rate" => new
        {
            code = $"{kpi}-drop", kind = "threshold", kpi, scope = "all", severity = "warning", compare = "monthOnMonth", below = -40, unit = "points",
            summary = "{unit}: {kpi} giảm {change} so với tháng trước ({previous} → {value}). {link}",
        },
        "digital_signature_rate" or "antimalware_coverage" => (object)new
        {
            code = $"{kpi}-projection", kind = "projection", kpi, scope = "all", severity = "warning", repeat = "7d",
            summary = "{unit}: dự báo cuối năm {kpi} đạt {projection}, mục tiêu {target} ({method}). {link}",
        },
        _ when hasTarget => new
        {
            code = $"{kpi}-target", kind = "target", kpi, scope = "all",
            summary = "{unit}: {kpi} kỳ {period} đạt {value}, mục tiêu {target} ({status}). {link}",
        },
        _ => new
        {
            code = $"{kpi}-stale", kind = "stale", kpi, scope = "all", severity = "warning", grace = "3d", keepFiringFor = 0,
            summary = "{unit} chưa có số liệu mới cho {kpi} (gần nhất: {lastFigure}, hạn: {due}).",
        },
    };
}
