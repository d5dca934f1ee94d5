using System.Globalization;
using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Layout;

/// <summary>The report's tables, numbered in reading order ("Bảng 1. …"), every figure written by <see cref="ReportText"/>.</summary>
internal sealed class OutlineTables(MonthlyReport report)
{
    private int _number;

    public TableBlock Results() => Table(
        $"Kết quả các chỉ tiêu {ReportText.Period(report.Month, Shared.Periods.PeriodGranularity.Month)}",
        ["STT", "Chỉ tiêu", "Kỳ báo cáo", "Kết quả", "Chỉ tiêu giao", "Đánh giá", "Kỳ trước", "Cùng kỳ năm trước"],
        report.Kpis.Select((k, i) =>
        {
            var a = k.Assessment;
            return Row(Number(i + 1), a.Kpi.NameVi, TextFormat.Period(a.Period, a.Granularity, Cultures.Vietnamese), ReportText.FigureWithUnit(a.Kpi, a.Value.Value),
                ReportText.Target(a.Kpi, a.Target), ReportText.Status(a.Status), ReportText.FigureWithUnit(a.Kpi, a.Previous.Value),
                ReportText.FigureWithUnit(a.Kpi, a.LastYear.Value));
        }),
        [0.7, 2.6, 1.25, 1.3, 1.4, 1.3, 1.3, 1.3]);

    public IEnumerable<ReportBlock> AttainmentAndLeagues()
    {
        if (report.Children.Count == 0)
        {
            yield return new ParagraphBlock($"{report.Unit.NameVi} không có đơn vị trực thuộc để so sánh, xếp hạng.");
        }
        else if (report.Attainment.Count == 0)
        {
            yield return new ParagraphBlock("Các đơn vị trực thuộc chưa được giao chỉ tiêu nào trong kỳ báo cáo.");
        }
        else
        {
            yield return Table("Số đơn vị đạt chỉ tiêu theo từng cấp",
                ["Chỉ tiêu", "Cấp", "Đạt", "Gần đạt", "Chưa đạt", "Chưa có số liệu", "Chưa giao chỉ tiêu", "Tổng số đơn vị"],
                report.Attainment.Select(a => Row(a.Kpi.NameVi, a.Level.NameVi, $"{Number(a.Met)}/{Number(a.Units)}", Number(a.AtRisk), Number(a.Missed),
                    Number(a.NoData), Number(a.NoTarget), Number(a.Units))),
                [3, 1.6, 1, 1, 1, 1.2, 1.2, 1]);
        }

        foreach (var league in report.Leagues.Where(l => l.Ranked > 0))
        {
            var rows = league.Top.Select(Ranked).Cast<IReadOnlyList<string>>().ToList();
            if (league.Bottom.Count > 0)
            {
                rows.Add(Row("…", "…", "", "", ""));
                rows.AddRange(league.Bottom.Select(Ranked));
            }

            yield return Table($"Xếp hạng {ReportText.InSentence(league.Kpi.NameVi)}, {ReportText.InSentence(league.Level.NameVi)} ({Number(league.Ranked)} đơn vị có số liệu)",
                ["Hạng", "Đơn vị", "Kết quả", "Đánh giá", "Thay đổi hạng so với kỳ trước"], rows, [0.8, 3.5, 1.4, 1.4, 1.6]);
        }
    }

    public IEnumerable<ReportBlock> Changes()
    {
        if (report.Changes.Count == 0)
        {
            yield return new ParagraphBlock("Không có đơn vị nào có số liệu để so sánh với kỳ trước hoặc cùng kỳ năm trước.");
            yield break;
        }

        foreach (var basis in new[] { ChangeBasis.PreviousPeriod, ChangeBasis.LastYear })
        {
            var changes = report.Changes.Where(c => c.Basis == basis).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            var title = basis == ChangeBasis.PreviousPeriod ? "Cải thiện và giảm sút nhiều nhất so với kỳ trước" : "Cải thiện và giảm sút nhiều nhất so với cùng kỳ năm trước";
            yield return Table(title, ["Chỉ tiêu", "Đơn vị", "Xu hướng", "Trước", "Nay", "Thay đổi"],
                changes.Select(c => Row(c.Assessment.Kpi.NameVi, c.Assessment.Unit.NameVi, c.Improvement ? "Cải thiện" : "Giảm sút",
                    ReportText.Figure(c.Assessment.Kpi, c.Before), ReportText.Figure(c.Assessment.Kpi, c.Assessment.Value.Value), ReportText.Change(c.Assessment.Kpi, c.Change))),
                [2.6, 2.4, 1.1, 1.1, 1.1, 1.3]);
        }
    }

    public IEnumerable<ReportBlock> MissingAndStale()
    {
        if (report.Children.Count == 0)
        {
            yield return new ParagraphBlock($"{report.Unit.NameVi} không có đơn vị trực thuộc.");
        }
        else if (report.Missing.Count == 0)
        {
            yield return new ParagraphBlock("Tất cả đơn vị trực thuộc đã có số liệu của kỳ báo cáo.");
        }
        else
        {
            yield return Table("Đơn vị chưa có số liệu kỳ báo cáo",
                ["Đơn vị", "Chỉ tiêu chưa có số liệu", "Kỳ"],
                report.Missing.GroupBy(m => m.Unit.Code, StringComparer.Ordinal).Select(g => Row(g.First().Unit.NameVi,
                    string.Join("; ", g.Select(m => m.Kpi.NameVi)), string.Join("; ", g.Select(m => TextFormat.Period(m.Period, m.Kpi.Period, Cultures.Vietnamese)).Distinct()))),
                [2.5, 5, 1.2]);
        }

        if (report.StaleSources.Count == 0)
        {
            yield return new ParagraphBlock("Các nguồn dữ liệu đều được cập nhật đúng hạn.");
        }
        else
        {
            yield return Table("Nguồn dữ liệu chưa cập nhật kịp thời",
                ["Nguồn dữ liệu", "Mã", "Cập nhật thành công lần cuối", "Số đơn vị có số liệu từ nguồn"],
                report.StaleSources.Select(s => Row(s.Name, s.Code, s.LastSuccess is null ? "Chưa lần nào" : TextFormat.Time(s.LastSuccess), Number(s.Units))),
                [3.5, 1.5, 2, 1.6]);
        }
    }

    public TableBlock Appendix() => Table("Định nghĩa, nguồn dữ liệu và căn cứ giao chỉ tiêu",
        ["Chỉ tiêu", "Định nghĩa đang áp dụng", "Hệ thống nguồn", "Chỉ tiêu giao", "Văn bản giao chỉ tiêu"],
        report.Appendix.Select(a => Row(a.Kpi.NameVi, a.Kpi.DefinitionVi, a.Kpi.SourceSystem,
            a.Targets.Count == 0 ? "Chưa giao chỉ tiêu" : string.Join("; ", a.Targets.Select(t => $"{t.Scope}: {ReportText.Target(a.Kpi, t.Target)}")),
            a.Targets.Count == 0 ? "—" : string.Join("; ", a.Targets.Select(t => t.Target.Document ?? "chưa ghi văn bản").Distinct()))),
        [2.2, 3.6, 1.3, 1.8, 1.9]);

    private static string[] Ranked(KpiAssessment a) => Row(Number(a.Rank ?? 0), a.Unit.NameVi, ReportText.FigureWithUnit(a.Kpi, a.Value.Value),
        ReportText.Status(a.Status), a.Movement switch
        {
            null => "—",
            0 => "Không đổi",
            > 0 and var up => $"Tăng {Number(up)} bậc",
            var down => $"Giảm {Number(-down.Value)} bậc",
        });

    private TableBlock Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths) =>
        new($"Bảng {Number(++_number)}. {title}", headers, rows.ToList(), widths);

    private static string[] Row(params string[] cells) => cells;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
