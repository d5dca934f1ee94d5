using KpiMonitor.Reports.Layout;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Layout;

/// <summary>
/// The document stays readable for a leader when figures are missing: a KPI nobody reported is said once, the changes
/// table has one row per KPI, and rankings of indicators without a target are left to the workbook.
/// </summary>
public sealed class ReportOutlineTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private ReportDocument Document => ReportOutline.Build(fixture.Report, Now);

    private IEnumerable<TableBlock> Tables => Document.Body.OfType<TableBlock>();

    [Fact]
    public void MissingTable_HasOneRowPerUnit_WithoutTheKpiNobodyReported()
    {
        var table = Tables.Single(t => t.Caption.EndsWith("Đơn vị chưa có số liệu kỳ báo cáo", StringComparison.Ordinal));

        Assert.Equal(["Xã Khun Há", "Sở Xây dựng"], table.Rows.Select(r => r[0]));
        Assert.Equal("Tỷ lệ hồ sơ nộp trực tuyến; Số hồ sơ trễ hạn; Số hồ sơ tiếp nhận; Tỷ lệ văn bản điện tử", table.Rows[0][1]);
        Assert.DoesNotContain(table.Rows, r => r[1].Contains("hài lòng", StringComparison.Ordinal));
        Assert.Contains(Document.Body.OfType<ParagraphBlock>(), p => p.Text.StartsWith($"Tất cả {Children.Length} đơn vị trực thuộc chưa có số liệu kỳ báo cáo đối với 1 chỉ tiêu", StringComparison.Ordinal));
    }

    [Fact]
    public void ChangesTable_HasOneRowPerKpi_WithItsBiggestImprovementAndFall()
    {
        var table = Tables.Single(t => t.Caption.EndsWith("Cải thiện và giảm sút nhiều nhất so với kỳ trước", StringComparison.Ordinal));

        var rows = table.Rows.Select(r => r[0]).ToList();
        Assert.Equal(rows.Distinct().Count(), rows.Count);
        var online = table.Rows.Single(r => r[0] == "Tỷ lệ hồ sơ nộp trực tuyến");
        // From the seed: Xã Bản Giang rose 40 → 79, Sở Tư pháp fell 70 → 46.
        Assert.Equal("Xã Bản Giang: 40,00 % → 79,00 % (+39,00 điểm %)", online[1]);
        Assert.Equal("Sở Tư pháp: 70,00 % → 46,00 % (−24,00 điểm %)", online[2]);
    }

    [Fact]
    public void LeagueTables_AreOfIndicatorsWithATarget_AndTheOthersPointToTheWorkbook()
    {
        var leagues = Tables.Where(t => t.Caption.Contains("Xếp hạng", StringComparison.Ordinal)).Select(t => t.Caption).ToList();

        Assert.Contains(leagues, c => c.Contains("tỷ lệ hồ sơ nộp trực tuyến, sở, ban, ngành", StringComparison.Ordinal));
        Assert.DoesNotContain(leagues, c => c.Contains("văn bản điện tử", StringComparison.Ordinal));
        Assert.Contains(Document.Body.OfType<ParagraphBlock>(), p => p.Text.Contains("(Tỷ lệ văn bản điện tử) có trong tệp Excel", StringComparison.Ordinal));
        // The workbook's content keeps the ranking of the indicator without a target.
        Assert.Contains(fixture.Report.Leagues, l => l.Kpi.Code == EDocument);
    }

    [Fact]
    public void KpiWithoutAnyFigure_GetsASentence_NotAnEmptyChart()
    {
        var charts = Document.Body.OfType<ChartBlock>().ToList();

        Assert.DoesNotContain(charts, c => c.Data.Title == "Tỷ lệ hài lòng trong giải quyết TTHC");
        Assert.Equal(fixture.Report.Kpis.Count - 1, charts.Count);
        Assert.All(charts.Select((c, i) => (c.Caption, Number: i + 1)), c => Assert.StartsWith($"Biểu đồ {c.Number}. ", c.Caption, StringComparison.Ordinal));
    }
}
