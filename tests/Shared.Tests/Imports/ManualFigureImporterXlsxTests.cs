using KpiMonitor.Imports;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

public sealed class ManualFigureImporterXlsxTests
{
    private readonly ManualFigureImporter _importer = new(TestCatalog.Create(), TimeProvider.System);

    [Fact]
    public void Xlsx_NumbersSharedAndInlineStrings_AndAnOADatePeriod_AreRead()
    {
        var result = Xlsx(
            ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", "Tử số", "Mẫu số"],
            [TestCatalog.Ratio, TestCatalog.Province, new DateTime(2024, 6, 30), null, 16, 37],
            [new XlsxWorkbook.InlineText(TestCatalog.Score), TestCatalog.Department, "2024-06", "82,75", null, null],
            [TestCatalog.Rank, TestCatalog.Province, 2019, 27, null, null]);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Rows);
        var ratio = result.Observations[0];
        Assert.Equal((16.0, 37.0), (ratio.Numerator, ratio.Denominator));
        // A date inside the month of a monthly KPI is filed under the month it belongs to.
        Assert.Equal(VietnamTime.StartOf(new DateOnly(2024, 6, 1)), ratio.Time);
        Assert.Equal(82.75, result.Observations[1].Value);
        Assert.Equal(VietnamTime.StartOf(new DateOnly(2019, 1, 1)), result.Observations[2].Time);
    }

    [Fact]
    public void Xlsx_NumberCell_IsJustANumber_NeverAmbiguous()
    {
        var result = Xlsx(["kpi", "unit", "period", "value"], [TestCatalog.Count, TestCatalog.Province, "01/2024", 1234.0]);

        Assert.Equal(1234, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public void Xlsx_PercentFormattedCell_IsReadAsThePersonSeesIt()
    {
        var result = Xlsx(["kpi", "unit", "period", "value"], [TestCatalog.Percent, TestCatalog.Province, "2024-05", new XlsxWorkbook.Percent(0.4324)]);

        Assert.Equal(43.24, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public void Xlsx_Errors_UseExcelRowNumbers_AcrossBlankRows()
    {
        var result = Xlsx(
            ["kpi", "unit", "period", "value"],
            [TestCatalog.Rank, TestCatalog.Province, 2023, 27],
            [],
            [null, null, null, null],
            [TestCatalog.Rank, "X.Y", 2024, 26]);

        Assert.Equal(["dòng 5, cột 'unit': đơn vị 'X.Y' không có trong danh mục đơn vị"], result.Errors);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void Xlsx_UnreadableFile_IsAnError_NotAnException()
    {
        var result = _importer.Read(new MemoryStream("kpi,unit\n"u8.ToArray()), "not-really.xlsx", "manual");

        Assert.StartsWith("không đọc được tệp Excel", Assert.Single(result.Errors));
    }

    private ImportResult Xlsx(params object?[][] rows) => _importer.Read(new MemoryStream(XlsxWorkbook.Build(rows)), "figures.xlsx", "manual");
}
