using System.Text;
using KpiMonitor.Imports;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

public sealed class ManualFigureImporterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 2, 0, 0, TimeSpan.Zero);
    private readonly ManualFigureImporter _importer = new(TestCatalog.Create(), new ManualClock(Now));

    [Fact]
    public void Csv_CommaSeparated_GivesOneObservationPerRow_WithLocalPeriodStartAndSource()
    {
        var result = Csv(
            "kpi,unit,period,value,numerator,denominator,note\n" +
            $"{TestCatalog.Ratio},{TestCatalog.Province},2024-03,,16,37,kế hoạch\n" +
            $"{TestCatalog.Count},{TestCatalog.Department},2024-03,64,,,\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Rows);
        var ratio = result.Observations[0];
        Assert.Equal((TestCatalog.Ratio, TestCatalog.Province, 16.0, 37.0, (double?)null), (ratio.Kpi, ratio.Unit, ratio.Numerator, ratio.Denominator, ratio.Value));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 17, 0, 0, TimeSpan.Zero), ratio.Time);
        Assert.Equal(("manual", Now), (ratio.Source, ratio.ReceivedAt));
        Assert.Equal(64, result.Observations[1].Value);
    }

    [Fact]
    public void Csv_SemicolonSeparated_WithVietnameseHeaders_AndDecimalComma()
    {
        var result = Csv(
            "Mã chỉ tiêu;Mã đơn vị;Kỳ;Giá trị;Tử số;Mẫu số;Ghi chú\n" +
            $"{TestCatalog.Score};{TestCatalog.Province};03/2024;82,75;;;điểm 766, quý I\n" +
            $"{TestCatalog.Count};{TestCatalog.Province};03/2024;1.953.613;;;\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([82.75, 1_953_613], result.Observations.Select(o => o.Value!.Value));
    }

    [Fact]
    public void Headers_MatchWithoutDiacritics_IgnoringCaseAndSpaces()
    {
        var result = Csv($"  CHI TIEU , Don  Vi ,ky,GIA TRI\n{TestCatalog.Rank},{TestCatalog.Province},2019,27\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(27, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public void Csv_WithUtf8Bom_ReadsTheFirstHeader()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes($"chỉ tiêu,đơn vị,kỳ,giá trị\n{TestCatalog.Rank},{TestCatalog.Province},2019,27\n")];

        var result = _importer.Read(new MemoryStream(bytes), "bom.csv", "manual");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Csv_QuotedFields_KeepSeparatorsQuotesAndLineBreaks_AndRowsCountRecords()
    {
        var result = Csv(
            "kpi,unit,period,value,note\r\n" +
            $"{TestCatalog.Score},{TestCatalog.Province},2024-01,\"80,5\",\"ghi chú có dấu phẩy, \"\"ngoặc kép\"\"\r\nvà xuống dòng\"\r\n" +
            $"\"{TestCatalog.Score}\",{TestCatalog.Province},2024-02,abc,\r\n");

        Assert.Equal(["dòng 3, cột 'value': 'abc' không phải số"], result.Errors);
        Assert.Equal(2, result.Rows);
    }

    [Theory]
    [InlineData("2024-03", 2024, 3, 1)]
    [InlineData("2024-03-15", 2024, 3, 1)]
    [InlineData("03/2024", 2024, 3, 1)]
    [InlineData("3/2024", 2024, 3, 1)]
    [InlineData("15/03/2024", 2024, 3, 1)]
    [InlineData("2024", 2024, 1, 1)]
    public void Period_AcceptedFormats_MeanTheLocalStartOfThatPeriod(string period, int year, int month, int day)
    {
        var result = Csv($"kpi,unit,period,value\n{TestCatalog.Rank},{TestCatalog.Province},{period},3\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(VietnamTime.StartOf(new DateOnly(year, month, day)), result.Observations[0].Time);
    }

    [Theory]
    [InlineData("13/2024", "không phải kỳ hợp lệ")]
    [InlineData("2024/03/15", "không phải kỳ hợp lệ")]
    [InlineData("1900", "nằm ngoài khoảng")]
    public void Period_Unreadable_IsAnErrorInThePeriodColumn(string period, string expected)
    {
        var error = Assert.Single(Csv($"kpi,unit,kỳ,value\n{TestCatalog.Rank},{TestCatalog.Province},{period},3\n").Errors);

        Assert.StartsWith("dòng 2, cột 'kỳ': ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Ratio_WithOnlyAValue_IsAnErrorNamingTheRow()
    {
        var result = Csv($"kpi,unit,period,value,numerator,denominator\n{TestCatalog.Ratio},{TestCatalog.Province},2024-03,43.24,,\n");

        Assert.Equal([$"dòng 2, cột 'value': chỉ tiêu '{TestCatalog.Ratio}' là tỷ lệ: cần tử số và mẫu số, không nhận một giá trị đơn lẻ"], result.Errors);
    }

    [Fact]
    public void Ratio_NeedsBothParts_AndAFileWithOnlyValuesStillNamesTheRow()
    {
        Assert.Equal(["dòng 2, cột 'mẫu số': thiếu mẫu số"],
            Csv($"chỉ tiêu,đơn vị,kỳ,tử số,mẫu số\n{TestCatalog.Ratio},{TestCatalog.Province},2024-03,16,\n").Errors);
        Assert.Single(Csv($"kpi,unit,period,value\n{TestCatalog.Ratio},{TestCatalog.Province},2024-03,43\n").Errors);
    }

    [Fact]
    public void Ratio_NumeratorAboveDenominator_IsRejected()
    {
        var error = Assert.Single(Csv($"chỉ tiêu,đơn vị,kỳ,tử số,mẫu số\n{TestCatalog.Ratio},{TestCatalog.Province},2024-03,38,37\n").Errors);

        Assert.Equal("dòng 2, cột 'tử số/mẫu số': tử số 38 lớn hơn mẫu số 37", error);
    }

    [Fact]
    public void UnknownKpiAndUnit_AreRejected_WithTheirRowNumbers_AndAllProblemsOfARowAreListed()
    {
        var result = Csv(
            "kpi,unit,period,value,mẫu số,tử số\n" +
            $"{TestCatalog.Rank},{TestCatalog.Province},2024,3,,\n" +
            $"no_such_kpi,{TestCatalog.Province},2024,3,,\n" +
            $"{TestCatalog.Rank},P.NOWHERE,2024,3,,\n" +
            $"{TestCatalog.Count},{TestCatalog.Province},2024,12a,,\n");

        Assert.Equal(
        [
            "dòng 3, cột 'kpi': chỉ tiêu 'no_such_kpi' không có trong danh mục",
            "dòng 4, cột 'unit': đơn vị 'P.NOWHERE' không có trong danh mục đơn vị",
            "dòng 5, cột 'value': '12a' không phải số",
        ], result.Errors);
        Assert.Equal("P.NOWHERE", result.Problems[1].Unit);
    }

    [Fact]
    public void OneBadRow_RefusesTheWholeFile()
    {
        var result = Csv(
            "kpi,unit,period,value\n" +
            $"{TestCatalog.Rank},{TestCatalog.Province},2023,27\n" +
            $"{TestCatalog.Rank},{TestCatalog.Province},2024,0\n" +
            $"{TestCatalog.Count},{TestCatalog.Department},2024-01,5\n");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Observations);
        Assert.Equal(3, result.Rows);
        Assert.Equal(["dòng 3, cột 'value': thứ hạng phải từ 1 trở lên (0)"], result.Errors);
    }

    [Fact]
    public void EmptyRows_AreSkipped_ButKeepExcelRowNumbers()
    {
        var result = Csv($"kpi,unit,period,value\n\n,,,\n{TestCatalog.Rank},{TestCatalog.Province},2024,x\n");

        Assert.Equal(1, result.Rows);
        Assert.Equal(["dòng 4, cột 'value': 'x' không phải số"], result.Errors);
    }

    [Fact]
    public void MissingRequiredColumns_GiveOneFileLevelError()
    {
        var error = Assert.Single(Csv($"kpi,value\n{TestCatalog.Rank},3\n").Errors);

        Assert.Contains("mã đơn vị (unit)", error);
        Assert.Contains("kỳ (period)", error);
    }

    [Fact]
    public void FileWithoutDataRows_IsAnError()
    {
        Assert.Equal(["tệp không có dòng số liệu nào dưới dòng tiêu đề"], Csv("kpi,unit,period,value\n\n").Errors);
        Assert.False(Csv("").Succeeded);
    }

    private ImportResult Csv(string text) => _importer.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "figures.csv", "manual");
}
