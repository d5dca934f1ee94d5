using System.Text;
using KpiMonitor.Imports;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

public sealed class FuturePeriodTests
{
    // 30 November 2026, 17:30 UTC: already 1 December, 00:30 in Vietnam.
    private readonly ManualFigureImporter _importer = new(TestCatalog.Create(), new ManualClock(new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void ThePeriodInProgressInVietnam_IsAccepted_AsTheDashboardShowsItProvisionally()
    {
        var result = Csv($"kpi,unit,period,value\n{TestCatalog.Count},P,2026-12,3\n{TestCatalog.Rank},P,2026,4\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void PeriodsAfterTheCurrentOne_AreRefused_InEveryPeriodSpelling()
    {
        var result = Csv($"kpi,unit,period,value\n{TestCatalog.Count},P,2200-12,3\n{TestCatalog.Count},P,01/2027,3\n{TestCatalog.Rank},P,2027,4\n{TestCatalog.Count},P,15/01/2027,3\n");

        Assert.Equal(
        [
            "dòng 2, cột 'period': kỳ 12/2200 chưa đến: chỉ nhận số liệu đến kỳ hiện tại (12/2026)",
            "dòng 3, cột 'period': kỳ 01/2027 chưa đến: chỉ nhận số liệu đến kỳ hiện tại (12/2026)",
            "dòng 4, cột 'period': kỳ 01/2027 chưa đến: chỉ nhận số liệu đến kỳ hiện tại (12/2026)",
            "dòng 5, cột 'period': kỳ 01/2027 chưa đến: chỉ nhận số liệu đến kỳ hiện tại (12/2026)",
        ], result.Errors);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void AFutureDateCellOfAWorkbook_IsRefusedToo()
    {
        var result = _importer.Read(new MemoryStream(XlsxWorkbook.Build(["kpi", "unit", "period", "value"], [TestCatalog.Count, "P", new DateTime(2200, 12, 1), 3])),
            "a.xlsx", "manual");

        Assert.Equal(["dòng 2, cột 'period': kỳ 12/2200 chưa đến: chỉ nhận số liệu đến kỳ hiện tại (12/2026)"], result.Errors);
    }

    private ImportResult Csv(string text) => _importer.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "a.csv", "manual");
}
