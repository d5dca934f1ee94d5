using System.Globalization;
using System.Text;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Content;

/// <summary>
/// The report's sentences, written from its content in the register of the provincial reports the product replaces:
/// "18/25 đơn vị cấp xã đạt chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến", "79/170 máy tính (46,5%)". What is missing is said.
/// </summary>
public static class ReportSummary
{
    /// <summary>The summary: attainment of each target, biggest changes, KPIs without a target, missing figures, stale sources.</summary>
    public static IReadOnlyList<string> Write(MonthlyReport report)
    {
        var sentences = new List<string>();
        // A level where no unit has a figure yet is counted in the missing-data sentences, not as "0/N đạt".
        foreach (var a in report.Attainment.Where(a => a.NoData < a.Units))
        {
            sentences.Add(Attainment(a));
        }

        foreach (var basis in new[] { ChangeBasis.PreviousPeriod, ChangeBasis.LastYear })
        {
            sentences.AddRange(Changes(report, basis));
        }

        var untargeted = report.Kpis.Where(k => k.Assessment.Target is null).Select(k => k.Assessment.Kpi.NameVi).ToList();
        if (untargeted.Count > 0)
        {
            sentences.Add(ReportText.Format("summary.untargeted", Year(report.Month), report.Unit.NameVi, string.Join("; ", untargeted)));
        }

        var ownMissing = report.Kpis.Where(k => k.Assessment.Value.Value is null).Select(k => ReportText.InSentence(k.Assessment.Kpi.NameVi)).ToList();
        if (ownMissing.Count > 0)
        {
            sentences.Add(ReportText.Format("summary.ownMissing", report.Unit.NameVi, ownMissing.Count, string.Join("; ", ownMissing)));
        }

        sentences.AddRange(Missing(report));
        if (report.StaleSources.Count > 0)
        {
            var list = report.StaleSources.Select(s => s.LastSuccess is { } at
                ? ReportText.Format("summary.source.last", s.Name, TextFormat.Time(at))
                : ReportText.Format("summary.source.never", s.Name));
            sentences.Add(ReportText.Format("summary.staleSources", string.Join("; ", list)));
        }

        if (report.Alerts is { } alerts)
        {
            sentences.Add(Alerts(report, alerts));
        }

        return sentences;
    }

    /// <summary>One KPI of the reported unit: "Tỷ lệ hồ sơ nộp trực tuyến tháng 11/2026 đạt 79,00 %, chỉ tiêu ≥ 50,00 % (đạt); tháng trước 75,00 %; cùng kỳ năm trước 60,00 %."</summary>
    public static string Kpi(KpiSection section)
    {
        var a = section.Assessment;
        var kpi = a.Kpi;
        var period = ReportText.Period(a.Period, a.Granularity);
        var text = new StringBuilder(kpi.NameVi).Append(' ').Append(period);
        if (a.InProgress)
        {
            text.Append(ReportText.Text("kpi.inProgress"));
        }

        text.Append(a.Value.Value is null ? ReportText.Text("kpi.noFigure") : ReportText.Format("kpi.value", ReportText.FigureWithUnit(kpi, a.Value.Value)));
        text.Append(a.Target is null
            ? ReportText.Format("kpi.noTarget", Year(a.Period))
            : ReportText.Format("kpi.target", ReportText.Target(kpi, a.Target), ReportText.Status(a.Status).ToLower(Cultures.Vietnamese)));
        if (a.Value.Numerator is { } n && a.Value.Denominator is { } d)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({TextFormat.Precise(n, false, Cultures.Vietnamese)}/{TextFormat.Precise(d, false, Cultures.Vietnamese)})");
        }

        text.Append(CultureInfo.InvariantCulture, $"; {ReportText.Basis(ChangeBasis.PreviousPeriod, a.Granularity)} {ReportText.FigureWithUnit(kpi, a.Previous.Value)}");
        text.Append(ReportText.Format("kpi.lastYear", ReportText.FigureWithUnit(kpi, a.LastYear.Value)));
        return text.ToString();
    }

    /// <summary>
    /// "Trong tháng 10/2026, hệ thống ghi nhận 3 cảnh báo phát sinh đối với Tỉnh X và các đơn vị trực thuộc (1 mức nghiêm trọng,
    /// 2 mức cảnh báo); 2 cảnh báo đã kết thúc (…); đến cuối tháng còn 2 cảnh báo chưa kết thúc (…)."
    /// </summary>
    public static string Alerts(MonthlyReport report, MonthAlerts alerts)
    {
        string scope = report.Children.Count > 0 ? ReportText.Format("alerts.scope.withChildren", report.Unit.NameVi) : report.Unit.NameVi;
        string month = ReportText.Period(report.Month, PeriodGranularity.Month);
        if (alerts.Fired == 0 && alerts.Resolved == 0 && alerts.OpenAtEnd == 0)
        {
            return ReportText.Format("alerts.none", month, scope);
        }

        string until = ReportText.Text(alerts.MonthEnded ? "alerts.until.monthEnd" : "alerts.until.now");
        return ReportText.Format("alerts.summary", month, Count(alerts.Fired), scope, BySeverity(alerts, t => t.Fired), Count(alerts.Resolved),
            BySeverity(alerts, t => t.Resolved), until, Count(alerts.OpenAtEnd), BySeverity(alerts, t => t.OpenAtEnd));
    }

    private static string BySeverity(MonthAlerts alerts, Func<AlertTally, int> count)
    {
        var parts = alerts.BySeverity.Where(t => count(t) > 0).Select(t => ReportText.Format("alerts.bySeverity", Count(count(t)), ReportText.Severity(t.Severity))).ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string Count(int n) => n.ToString("N0", Cultures.Vietnamese);

    private static string Attainment(TargetAttainment a)
    {
        var level = ReportText.InSentence(a.Level.NameVi);
        var text = new StringBuilder(ReportText.Format("attainment.met", a.Met, a.Units, level, ReportText.InSentence(a.Kpi.NameVi)));
        var rest = new List<string>();
        if (a.AtRisk > 0)
        {
            rest.Add(ReportText.Format("attainment.atRisk", a.AtRisk));
        }

        if (a.Missed > 0)
        {
            rest.Add(ReportText.Format("attainment.missed", a.Missed));
        }

        if (a.NoData > 0)
        {
            rest.Add(ReportText.Format("attainment.noData", a.NoData));
        }

        if (a.NoTarget > 0)
        {
            rest.Add(ReportText.Format("attainment.noTarget", a.NoTarget));
        }

        if (rest.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", rest).Append(')');
        }

        return text.Append('.').ToString();
    }

    // Across the monthly rates only: their changes are all in percentage points, so the biggest can be compared.
    private static IEnumerable<string> Changes(MonthlyReport report, ChangeBasis basis)
    {
        var comparable = report.Changes
            .Where(c => c.Basis == basis && c.Assessment.Kpi.IsPercentage && c.Assessment.Granularity == PeriodGranularity.Month)
            .ToList();
        var label = ReportText.Basis(basis, PeriodGranularity.Month);
        var up = comparable.Where(c => c.Improvement).OrderByDescending(c => Math.Abs(c.Change)).Take(report.Options.Movements).ToList();
        var down = comparable.Where(c => !c.Improvement).OrderByDescending(c => Math.Abs(c.Change)).Take(report.Options.Movements).ToList();
        if (up.Count > 0)
        {
            yield return ReportText.Format("changes.up", label, string.Join("; ", up.Select(Change)));
        }

        if (down.Count > 0)
        {
            yield return ReportText.Format("changes.down", label, string.Join("; ", down.Select(Change)));
        }
    }

    private static string Change(UnitChange c)
    {
        var kpi = c.Assessment.Kpi;
        return ReportText.Format(c.Change > 0 ? "changes.itemUp" : "changes.itemDown", c.Assessment.Unit.NameVi, ReportText.InSentence(kpi.NameVi), ReportText.Figure(kpi, c.Before),
            ReportText.Figure(kpi, c.Assessment.Value.Value), ReportText.Change(kpi, c.Change));
    }

    // Said once for a KPI nobody below has reported; then the units missing what others did report, the first few by name.
    private static IEnumerable<string> Missing(MonthlyReport report)
    {
        if (report.Children.Count == 0)
        {
            yield return ReportText.Format("missing.noUnitsBelow", report.Unit.NameVi);
            yield break;
        }

        if (report.Missing.Count == 0)
        {
            yield return ReportText.Text("text.noneMissing");
            yield break;
        }

        foreach (var sentence in Unreported(report))
        {
            yield return sentence;
        }

        var byUnit = MissingFigures.ByUnit(report);
        if (byUnit.Count == 0)
        {
            yield break;
        }

        var named = byUnit.Take(report.Options.MissingNamed).Select(g => g.Kpis.Count > 3
            ? ReportText.Format("missing.unitCount", g.Unit.NameVi, Count(g.Kpis.Count))
            : ReportText.Format("missing.unit", g.Unit.NameVi, string.Join(", ", g.Kpis.Select(k => ReportText.InSentence(k.NameVi)))));
        var list = string.Join("; ", named);
        if (byUnit.Count > report.Options.MissingNamed)
        {
            list += ReportText.Format("missing.more", Count(byUnit.Count - report.Options.MissingNamed));
        }

        yield return ReportText.Format("missing.summary", Count(byUnit.Count), list);
    }

    /// <summary>
    /// The KPIs no unit below has a figure for, said once: "Tất cả 121 đơn vị trực thuộc chưa có số liệu kỳ báo cáo đối với
    /// 2 chỉ tiêu: xếp hạng PAR INDEX (năm 2026); …". Nothing when every such KPI has a figure somewhere.
    /// </summary>
    public static IEnumerable<string> Unreported(MonthlyReport report)
    {
        if (report.Unreported.Count == 0)
        {
            yield break;
        }

        var units = Count(report.Unreported.Max(u => u.Units));
        if (report.Unreported.Count == report.Kpis.Count)
        {
            yield return ReportText.Format("missing.nothing", units);
            yield break;
        }

        var kpis = report.Unreported.Select(u => $"{ReportText.InSentence(u.Kpi.NameVi)} ({ReportText.Period(u.Period, u.Kpi.Period.OwnGranularity())})");
        yield return ReportText.Format("missing.unreported", units, Count(report.Unreported.Count), string.Join("; ", kpis));
    }

    private static string Year(DateOnly day) => day.Year.ToString(CultureInfo.InvariantCulture);
}
