using System.Text;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Imports;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

/// <summary>Rules about the file as a whole: formats, encodings, limits, duplicates, and the shipped sample.</summary>
public sealed class ManualFigureImporterFileTests
{
    private readonly ManualFigureImporter _importer = new(TestCatalog.Create(), TimeProvider.System);

    [Theory]
    [InlineData("figures.txt", "chỉ nhận tệp .csv hoặc .xlsx")]
    [InlineData("figures.xls", "lưu lại dưới dạng .xlsx")]
    [InlineData("figures", "chỉ nhận tệp .csv hoặc .xlsx")]
    public void UnsupportedExtension_IsAClearError(string fileName, string expected)
    {
        var result = _importer.Read(new MemoryStream("kpi,unit,period,value\n"u8.ToArray()), fileName, "manual");

        Assert.Contains(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Extension_IsCaseInsensitive()
    {
        var result = _importer.Read(new MemoryStream(Encoding.UTF8.GetBytes($"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,2\n")), "FIGURES.CSV", "manual");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void FileOver20MB_IsRefused_EvenFromAStreamThatCannotSeek()
    {
        var bytes = new byte[ImportLimits.Default.MaxBytes + 1];

        var result = _importer.Read(new NonSeekable(bytes), "big.csv", "manual");

        Assert.Contains("lớn hơn 20 MB", Assert.Single(result.Errors));
    }

    [Fact]
    public void MoreThanMaxRows_IsRefused()
    {
        var text = new StringBuilder("kpi,unit,period,value\n");
        for (int i = 0; i <= ImportLimits.Default.MaxRows; i++)
        {
            text.Append(TestCatalog.Rank).Append(",P,2024,1\n");
        }

        var result = Csv(text.ToString());

        Assert.Contains("hơn 100.000 dòng", Assert.Single(result.Errors));
    }

    [Fact]
    public void CsvNotInUtf8_IsRefusedWithAHint()
    {
        byte[] windows1258 = [.. "kpi,unit,period,value,note\nx,P,2024,1,"u8, 0xD0, 0xE0, (byte)'\n'];

        Assert.Contains("không phải UTF-8", Assert.Single(_importer.Read(new MemoryStream(windows1258), "a.csv", "manual").Errors));
        Assert.Contains("UTF-16", Assert.Single(_importer.Read(new MemoryStream(Encoding.Unicode.GetPreamble()), "b.csv", "manual").Errors));
    }

    [Fact]
    public void UnclosedQuote_IsAFileLevelErrorNamingWhereItOpened()
    {
        Assert.Equal(["dòng 3: dấu ngoặc kép (\") mở nhưng không đóng đến hết tệp"],
            Csv($"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,1\n{TestCatalog.Rank},P,\"2025,1\n").Errors);
    }

    [Fact]
    public void TwoRowsForTheSameKpiUnitAndPeriod_AreRefused()
    {
        var result = Csv($"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,2\n{TestCatalog.Rank},P,01/2024,3\n");

        Assert.Equal(["dòng 3: trùng chỉ tiêu, đơn vị và kỳ với dòng 2"], result.Errors);
    }

    [Fact]
    public void NonRatioKpi_WithNumeratorAndDenominator_IsRefused()
    {
        var error = Assert.Single(Csv($"kpi,unit,period,value,tử số,mẫu số\n{TestCatalog.Count},P,2024-01,5,1,2\n").Errors);

        Assert.Equal($"dòng 2, cột 'tử số': chỉ tiêu '{TestCatalog.Count}' không phải dạng tỷ lệ: để trống tử số và mẫu số, ghi số vào cột giá trị", error);
    }

    [Fact]
    public void Codes_MatchIgnoringCase_AndAreStoredAsTheCatalogueSpellsThem()
    {
        var result = Csv($"kpi,unit,period,value\n{TestCatalog.Rank.ToUpperInvariant()},p.snv,2024,4\n");

        var observation = Assert.Single(result.Observations);
        Assert.Equal((TestCatalog.Rank, TestCatalog.Department), (observation.Kpi, observation.Unit));
    }

    [Fact]
    public void DuplicateColumn_IsAFileLevelError()
    {
        Assert.Contains("cột 'kpi' và cột 'chỉ tiêu'", Assert.Single(Csv("kpi,unit,period,value,chỉ tiêu\nx,P,2024,1,y\n").Errors));
    }

    [Fact]
    public void ManyErrors_AreCapped_WithACountOfTheRest()
    {
        var text = new StringBuilder("kpi,unit,period,value\n");
        for (int i = 0; i < ManualFigureImporter.MaxErrors + 5; i++)
        {
            text.Append(TestCatalog.Rank).Append(",P,2024,x\n");
        }

        var result = Csv(text.ToString());

        Assert.Equal(ManualFigureImporter.MaxErrors + 1, result.Errors.Count);
        Assert.Equal("… và 5 lỗi khác không liệt kê", result.Errors[^1]);
    }

    [Fact]
    public void ShippedSample_ImportsCleanly_AgainstTheDemoCatalogue()
    {
        var importer = new ManualFigureImporter(CatalogLoader.Load(RepoPaths.Config), TimeProvider.System);
        using var file = File.OpenRead(Path.Combine(RepoPaths.Config, "samples", "manual-figures.csv"));

        var result = importer.Read(file, "manual-figures.csv", "manual");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var plan = Assert.Single(result.Observations, o => o.Kpi == "par_plan_progress" && o.Unit == "LCU");
        Assert.Equal((16.0, 37.0), (plan.Numerator, plan.Denominator));
        Assert.Equal(27, Assert.Single(result.Observations, o => o.Kpi == "par_index_rank" && VietnamTime.DateOf(o.Time).Year == 2019).Value);
    }

    private ImportResult Csv(string text) => _importer.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "figures.csv", "manual");

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
