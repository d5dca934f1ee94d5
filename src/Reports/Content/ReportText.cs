using System.Globalization;
using System.Resources;
using KpiMonitor.Alerts;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// The words and figures every part of the report writes the same way, in vi-VN (<see cref="TextFormat"/>). The words are in
/// <c>ReportText.resx</c> (Vietnamese, the neutral language) with <c>ReportText.en.resx</c> beside it (ADR 012); the report
/// is written in Vietnamese, the language of official documents.
/// </summary>
public static class ReportText
{
    private static readonly ResourceManager Resources = new(typeof(ReportText).FullName!, typeof(ReportText).Assembly);

    private static CultureInfo Vi => Cultures.Vietnamese;

    /// <summary>A KPI's figure as the report writes it: "99,60 %", "5.369", "86,00" (a score keeps its two decimals), "—" without one.</summary>
    public static string Figure(KpiDefinition kpi, double? value) =>
        kpi.Kind == KpiKind.Score && value is { } score ? score.ToString("N2", Vi) : TextFormat.Precise(value, kpi.IsPercentage, Vi);

    /// <summary>A KPI's figure with its display unit when it is not a percentage: "99,60 %", "64 hồ sơ", "—".</summary>
    public static string FigureWithUnit(KpiDefinition kpi, double? value) =>
        value is null || kpi.IsPercentage || string.IsNullOrWhiteSpace(kpi.DisplayUnit) ? Figure(kpi, value) : $"{Figure(kpi, value)} {kpi.DisplayUnit}";

    /// <summary>A target with its direction: "≥ 80,00 %", "≤ 0 hồ sơ"; "chưa giao chỉ tiêu" without one.</summary>
    public static string Target(KpiDefinition kpi, Target? target)
    {
        if (target is null)
        {
            return Text("target.none");
        }

        var sign = (target.Direction ?? kpi.Direction) == Direction.LowerIsBetter ? "≤" : "≥";
        return $"{sign} {FigureWithUnit(kpi, target.Value)}";
    }

    /// <summary>A change: "+4,00 điểm %" for a percentage, "−12" for a count, "+5,00" for a score.</summary>
    public static string Change(KpiDefinition kpi, double change)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "";
        var size = kpi.IsPercentage ? Format("change.points", Math.Abs(change).ToString("N2", Vi)) : Figure(kpi, Math.Abs(change));
        return sign + size;
    }

    /// <summary>A status as the report names it.</summary>
    public static string Status(KpiStatus status) => status switch
    {
        KpiStatus.Met or KpiStatus.AtRisk or KpiStatus.Missed or KpiStatus.NoTarget => Text("status." + status),
        _ => Text("status.NoData"),
    };

    /// <summary>A period as the report names it: "tháng 11/2026", "Q4/2026", "năm 2026".</summary>
    public static string Period(DateOnly firstDay, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Month => Format("period.month", TextFormat.Period(firstDay, granularity, Vi)),
        PeriodGranularity.Year => Format("period.year", firstDay.Year.ToString(CultureInfo.InvariantCulture)),
        _ => TextFormat.Period(firstDay, granularity, Vi),
    };

    /// <summary>"tháng trước" for a monthly KPI, "kỳ trước" otherwise; "cùng kỳ năm trước".</summary>
    public static string Basis(ChangeBasis basis, PeriodGranularity granularity) => basis switch
    {
        ChangeBasis.PreviousPeriod when granularity == PeriodGranularity.Month => Text("basis.previousMonth"),
        ChangeBasis.PreviousPeriod => Text("basis.previousPeriod"),
        _ => Text("basis.lastYear"),
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
    public static string Severity(AlertSeverity severity) => Text("severity." + severity);

    /// <summary>The report's text <paramref name="key"/> of <c>ReportText.resx</c>, in Vietnamese.</summary>
    internal static string Text(string key) =>
        Resources.GetString(key, Vi) ?? throw new InvalidOperationException($"ReportText.resx has no text '{key}'.");

    /// <summary>The text <paramref name="key"/> with its placeholders filled, in Vietnamese.</summary>
    internal static string Format(string key, params object?[] values) => string.Format(Vi, Text(key), values);
}
