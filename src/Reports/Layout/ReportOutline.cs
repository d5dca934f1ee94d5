using System.Globalization;
using KpiMonitor.Charts;
using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Reports.Layout;

/// <summary>
/// Lays the report's content out as a Vietnamese administrative report, once for every format: the Decree 30 heading,
/// "I. TÌNH HÌNH CHUNG" (the summary), "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" (a table, then each KPI with its chart),
/// "III. ĐƠN VỊ ĐẠT CHỈ TIÊU VÀ XẾP HẠNG", "IV. BIẾN ĐỘNG NỔI BẬT", "V. SỐ LIỆU CÒN THIẾU" and the appendix.
/// </summary>
public static class ReportOutline
{
    /// <summary>The document of <paramref name="report"/>, stamped with <paramref name="generatedAt"/> (the only part that changes between runs).</summary>
    public static ReportDocument Build(MonthlyReport report, DateTimeOffset generatedAt)
    {
        var month = TextFormat.Period(report.Month, PeriodGranularity.Month, Cultures.Vietnamese);
        var options = report.Options;
        var heading = new ReportHeading(
            (options.ParentBody ?? "").ToUpper(Cultures.Vietnamese),
            options.IssuingBody.ToUpper(Cultures.Vietnamese),
            ReportText.Format("outline.number", options.DocumentCode),
            ReportText.Format("outline.placeAndDate", options.Place ?? ""),
            ReportText.Text("outline.kind"),
            ReportText.Format("outline.title", month, report.Unit.NameVi));

        var body = new List<ReportBlock>
        {
            new ParagraphBlock(ReportText.Format("outline.opening", month, report.Unit.NameVi)),
            new HeadingBlock(1, ReportText.Text("outline.general")),
        };
        body.AddRange(report.Summary.Select(s => new ParagraphBlock(s)));

        body.Add(new HeadingBlock(1, ReportText.Text("outline.results")));
        var tables = new OutlineTables(report);
        body.Add(tables.Results());
        int charts = 0;
        for (int i = 0; i < report.Kpis.Count; i++)
        {
            var section = report.Kpis[i];
            body.Add(new HeadingBlock(2, $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {section.Assessment.Kpi.NameVi}"));
            body.Add(new ParagraphBlock(ReportSummary.Kpi(section)));
            if (section.Trend.Any(p => p.Value is not null))
            {
                body.Add(new ChartBlock(Chart(report, section), ReportText.Format("outline.chartCaption", (++charts).ToString(CultureInfo.InvariantCulture), section.Assessment.Kpi.NameVi)));
            }
            else
            {
                // An empty chart says nothing a sentence does not.
                body.Add(new ParagraphBlock(ReportText.Text("chart.noData")));
            }
        }

        body.Add(new HeadingBlock(1, ReportText.Text("outline.attainment")));
        body.AddRange(tables.AttainmentAndLeagues());
        body.Add(new HeadingBlock(1, ReportText.Text("outline.changes")));
        body.AddRange(tables.Changes());
        body.Add(new HeadingBlock(1, ReportText.Text("outline.missing")));
        body.AddRange(tables.MissingAndStale());
        body.Add(new HeadingBlock(1, ReportText.Text("outline.appendix")));
        body.Add(tables.Appendix());

        IReadOnlyList<string> recipients = options.Recipients.Count > 0 ? options.Recipients : [ReportText.Text("outline.recipient.committee"), ReportText.Text("outline.recipient.archive")];
        var stamp = ReportText.Format("outline.stamp", TextFormat.Time(generatedAt));
        return new ReportDocument(heading, body, recipients, options.SignerTitle.ToUpper(Cultures.Vietnamese), stamp);
    }

    // The dashboard's chart of the same twelve months, the target of each month's year and its warning band.
    private static TrendChartData Chart(MonthlyReport report, KpiSection section)
    {
        var kpi = section.Assessment.Kpi;
        return new TrendChartData(
            kpi.NameVi,
            report.Unit.NameVi,
            // A month still running is drawn as the dashboard draws it: dashed, provisional.
            section.Trend.Select(p => new ChartPoint(p.Month, p.Value,
                section.Assessment.InProgress && section.Assessment.Granularity == PeriodGranularity.Month && p.Month == section.Assessment.Period)).ToList(),
            section.Trend.Select(p => new TargetPoint(p.Month, p.Target, p.WarningBand)).ToList(),
            kpi.Direction,
            kpi.IsPercentage,
            kpi.DisplayUnit,
            Cultures.Vietnamese,
            PeriodGranularity.Month);
    }
}
