using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Targets;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Content;

/// <summary>The content of the October 2026 province report against counts made here from the seeded figures.</summary>
public sealed class ReportBuilderTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private MonthlyReport Report => fixture.Report;

    [Theory]
    [InlineData("department")]
    [InlineData("commune")]
    public void Attainment_CountsTheChildrenOfEachLevelThatMetTheTarget(string level)
    {
        var codes = Children.Where(c => c.Level == level).Select(c => c.Code).ToList();
        int met = codes.Count(c => OnlineFigures.TryGetValue(c, out var f) && f.Oct.N / f.Oct.D * 100 >= OnlineTarget);
        int noData = codes.Count(c => !OnlineFigures.ContainsKey(c));

        var attainment = Report.Attainment.Single(a => a.Kpi.Code == Online && a.Level.Code == level);

        Assert.Equal((codes.Count, met, noData), (attainment.Units, attainment.Met, attainment.NoData));
        var expected = $"{met}/{codes.Count} đơn vị {(level == "commune" ? "cấp xã" : "sở, ban, ngành")} đạt chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến";
        Assert.Contains(Report.Summary, s => s.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ProvinceFigure_IsTheSumOfNumeratorsOverTheSumOfDenominators()
    {
        double n = OnlineFigures.Values.Sum(f => f.Oct.N), d = OnlineFigures.Values.Sum(f => f.Oct.D);

        var online = Report.Kpis.Single(k => k.Assessment.Kpi.Code == Online).Assessment;

        Assert.Equal(n / d * 100, online.Value.Value!.Value, 6);
        Assert.Equal(KpiStatus.Met, online.Status);
        Assert.Equal(12, Report.Kpis.Single(k => k.Assessment.Kpi.Code == Online).Trend.Count);
    }

    [Fact]
    public void KpiWithoutTarget_IsStatedNotSkipped()
    {
        var eDocument = Report.Kpis.Single(k => k.Assessment.Kpi.Code == EDocument);

        Assert.Equal(KpiStatus.NoTarget, eDocument.Assessment.Status);
        Assert.Contains(Report.Summary, s => s.Contains("chưa được giao chỉ tiêu năm 2026", StringComparison.Ordinal) && s.Contains("Tỷ lệ văn bản điện tử", StringComparison.Ordinal));
        Assert.Contains("chưa được giao chỉ tiêu năm 2026", ReportSummary.Kpi(eDocument), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingUnit_IsNamedForEveryKpi()
    {
        var missing = Report.Missing.Where(m => m.Unit.Code == MissingCommune).Select(m => m.Kpi.Code).Order().ToList();

        Assert.Equal(new[] { Received, EDocument, Late, Online, Satisfaction }.Order(), missing);
        // The satisfaction rate nobody reported is said once for all units; per unit only what others did report.
        Assert.Contains("2 đơn vị còn thiếu số liệu kỳ báo cáo: Xã Khun Há (4 chỉ tiêu); Sở Xây dựng (tỷ lệ văn bản điện tử).", Report.Summary);
    }

    [Fact]
    public void KpiNoUnitReported_IsSaidOnceForAllUnits_NotCountedAsZeroMet()
    {
        var unreported = Assert.Single(Report.Unreported);

        Assert.Equal((Satisfaction, Children.Length), (unreported.Kpi.Code, unreported.Units));
        Assert.Contains($"Tất cả {Children.Length} đơn vị trực thuộc chưa có số liệu kỳ báo cáo đối với 1 chỉ tiêu: tỷ lệ hài lòng trong giải quyết TTHC (tháng 10/2026).", Report.Summary);
        Assert.DoesNotContain(Report.Summary, s => s.Contains("đạt chỉ tiêu tỷ lệ hài lòng", StringComparison.Ordinal));
        // Besides that sentence, only the province's own figure is said missing ("Tỉnh Lai Châu chưa có số liệu … của 1 chỉ số").
        Assert.Equal(2, Report.Summary.Count(s => s.Contains("tỷ lệ hài lòng", StringComparison.Ordinal)));
        Assert.Contains("Tỉnh Lai Châu chưa có số liệu kỳ báo cáo của 1 chỉ số: tỷ lệ hài lòng trong giải quyết TTHC.", Report.Summary);
        // The counts stay complete for the tables and the workbook.
        Assert.Equal(3, Report.Attainment.Single(a => a.Kpi.Code == Satisfaction && a.Level.Code == "department").NoData);
    }

    [Fact]
    public void BiggestChanges_AreTheLargestRiseAndFallInTheRightDirection()
    {
        var changes = Report.Changes.Where(c => c.Assessment.Kpi.Code == Online && c.Basis == ChangeBasis.PreviousPeriod).ToList();
        var best = OnlineFigures.MaxBy(f => f.Value.Oct.N / f.Value.Oct.D - f.Value.Sep.N / f.Value.Sep.D).Key;
        var worst = OnlineFigures.MinBy(f => f.Value.Oct.N / f.Value.Oct.D - f.Value.Sep.N / f.Value.Sep.D).Key;

        Assert.Equal(best, changes.First(c => c.Improvement).Assessment.Unit.Code);
        Assert.Equal(worst, changes.First(c => !c.Improvement).Assessment.Unit.Code);
        Assert.Contains(Report.Summary, s => s.StartsWith("So với tháng trước, cải thiện nhiều nhất: Xã Bản Giang, tỷ lệ hồ sơ nộp trực tuyến từ 40,00 % lên 79,00 % (+39,00 điểm %)", StringComparison.Ordinal));
    }

    [Fact]
    public void LeagueTable_RanksDepartmentsAmongThemselvesWithMovement()
    {
        var league = Report.Leagues.Single(l => l.Kpi.Code == Online && l.Level.Code == "department");

        Assert.Equal(["P.SNV", "P.STP", "P.SXD"], league.Top.Select(a => a.Unit.Code));
        Assert.Equal([1, 2, 3], league.Top.Select(a => a.Rank!.Value));
        // September: Tư pháp 70 %, Nội vụ 90 %, Xây dựng 25 %: nobody moved.
        Assert.All(league.Top, a => Assert.Equal(0, a.Movement));
    }

    [Fact]
    public void StaleSource_IsNamedWithItsLastSuccess()
    {
        var stale = Assert.Single(Report.StaleSources);

        Assert.Equal("one-stop", stale.Code);
        Assert.Contains(Report.Summary, s => s.Contains("Hệ thống thông tin giải quyết TTHC (cập nhật thành công lần cuối lúc 28/10/2026 07:00)", StringComparison.Ordinal));
    }

    [Fact]
    public void Appendix_CarriesTheTargetAndItsDocument()
    {
        var row = Report.Appendix.Single(a => a.Kpi.Code == Online);

        Assert.Equal("QĐ 766/QĐ-TTg", Assert.Single(row.Targets).Target.Document);
        Assert.Empty(Report.Appendix.Single(a => a.Kpi.Code == EDocument).Targets);
    }

    [Fact]
    public void KpiSentence_WritesViVnFigures()
    {
        var received = ReportSummary.Kpi(Report.Kpis.Single(k => k.Assessment.Kpi.Code == Received));

        Assert.StartsWith($"Số hồ sơ tiếp nhận tháng 10/2026 đạt {ReceivedFigures.Values.Sum():#,##0} hồ sơ".Replace(",", ".", StringComparison.Ordinal), received, StringComparison.Ordinal);
    }
}
