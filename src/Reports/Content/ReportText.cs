using System.Globalization;
using KpiMonitor.Alerts;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Content;

/// <summary>The words and figures every part of the report writes the same way, in vi-VN (<see cref="TextFormat"/>).</summary>
public static class ReportText
{
    private static CultureInfo Vi => Cultures.Vietnamese;

    /// <summary>A KPI's figure as the report writes it: "99,60 %", "5.369", "—" without one.</summary>
    public static string Figure(KpiDefinition kpi, double? value) => TextFormat.Precise(value, kpi.IsPercentage, Vi);

    /// <summary>A KPI's figure with its display unit when it is not a percentage: "99,60 %", "64 hồ sơ", "—".</summary>
    public static string FigureWithUnit(KpiDefinition kpi, double? value) =>
        value is null || kpi.IsPercentage || string.IsNullOrWhiteSpace(kpi.DisplayUnit) ? Figure(kpi, value) : $"{Figure(kpi, value)} {kpi.DisplayUnit}";

    /// <summary>A target with its direction: "≥ 80,00 %", "≤ 0 hồ sơ"; "chưa giao chỉ tiêu" without one.</summary>
    public static string Target(KpiDefinition kpi, Target? target)
    {
        if (target is null)
        {
            return "chưa giao chỉ tiêu";
        }

        var sign = (target.Direction ?? kpi.Direction) == Direction.LowerIsBetter ? "≤" : "≥";
        return $"{sign} {FigureWithUnit(kpi, target.Value)}";
    }

    /// <summary>A change: "+4,00 điểm %" for a percentage, "−12" for a count.</summary>
    public static string Change(KpiDefinition kpi, double change)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "";
        var size = kpi.IsPercentage ? Math.Abs(change).ToString("N2", Vi) + " điểm %" : TextFormat.Precise(Math.Abs(change), false, Vi);
        return sign + size;
    }

    /// <summary>A status as the report names it.</summary>
    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met => "Đạt",
        KpiStatus.AtRisk => "Gần đạt",
        KpiStatus.Missed => "Chưa đạt",
        KpiStatus.NoTarget => "Chưa giao chỉ tiêu",
        _ => "Chưa có số liệu",
    };

    /// <summary>A period as the report names it: "tháng 11/2026", "Q4/2026", "năm 2026".</summary>
    public static string Period(DateOnly firstDay, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Month => $"tháng {TextFormat.Period(firstDay, granularity, Vi)}",
        PeriodGranularity.Year => $"năm {firstDay.Year.ToString(CultureInfo.InvariantCulture)}",
        _ => TextFormat.Period(firstDay, granularity, Vi),
    };

    /// <summary>"tháng trước" for a monthly KPI, "kỳ trước" otherwise; "cùng kỳ năm trước".</summary>
    public static string Basis(ChangeBasis basis, PeriodGranularity granularity) => basis switch
    {
        ChangeBasis.PreviousPeriod when granularity == PeriodGranularity.Month => "tháng trước",
        ChangeBasis.PreviousPeriod => "kỳ trước",
        _ => "cùng kỳ năm trước",
    };

    /// <summary>A name in the middle of a sentence: its first letter lower-case ("tỷ lệ hồ sơ nộp trực tuyến"), acronyms kept.</summary>
    public static string InSentence(string name)
    {
        if (name.Length < 2 || char.IsUpper(name[1]))
        {
            return name;
        }

        return char.ToLower(name[0], Vi) + name[1..];
    }

    /// <summary>An alert's severity in a sentence: "nghiêm trọng", "cảnh báo" (the words of the alert mails, DigestText).</summary>
    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Critical ? "nghiêm trọng" : "cảnh báo";
}
