using System.Text;
using KpiMonitor.Imports;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

/// <summary>Every limit of <see cref="ImportLimits"/> refuses a file past it, in CSV and in Excel, with a reason naming it.</summary>
public sealed class ImportLimitsTests
{
    private static readonly string Good = $"kpi,unit,period,value\n{TestCatalog.Rank},P,2024,1\n{TestCatalog.Rank},P,2023,2\n";

    public static TheoryData<string, string> Limits => new()
    {
        { "rows", "tệp có hơn 1 dòng số liệu (giới hạn 1 dòng)" },
        { "columns", "dòng 1: có giá trị ở cột thứ hơn 3 (giới hạn 3 cột)" },
        { "cells", "tệp có hơn 5 ô (giới hạn 5 ô, kể cả ô trống)" },
        { "cellChars", "" },
        { "rowNumber", "dòng 3 vượt quá giới hạn 2 dòng của một trang tính" },
        { "time", "đọc tệp mất quá 2 giây (giới hạn thời gian đọc một tệp)" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void EveryLimit_RefusesACsvAndAnXlsxPastIt(string limit, string reason)
    {
        var limits = limit switch
        {
            "rows" => new ImportLimits { MaxRows = 1 },
            "columns" => new ImportLimits { MaxColumns = 3 },
            "cells" => new ImportLimits { MaxCells = 5 },
            "cellChars" => new ImportLimits { MaxCellChars = 4 },
            "rowNumber" => new ImportLimits { MaxRowNumber = 2 },
            _ => new ImportLimits { MaxReadTime = TimeSpan.FromSeconds(2) },
        };
        // Each look at the clock finds a second gone: the file takes too long after a few rows, whatever the machine.
        var importer = new ManualFigureImporter(TestCatalog.Create(), limit == "time" ? new SecondPerLook() : TimeProvider.System, limits);
        var rows = Good.TrimEnd('\n').Split('\n').Select(l => l.Split(',').Select(c => (object?)c).ToArray()).ToArray();

        var csv = importer.Read(new MemoryStream(Encoding.UTF8.GetBytes(Good)), "a.csv", "manual");
        var xlsx = importer.Read(new MemoryStream(XlsxWorkbook.Build(rows)), "a.xlsx", "manual");

        // A long header text is in the CSV's row 1 and in the workbook's shared-string table.
        reason = reason.Length > 0 ? reason : "dài hơn 4 ký tự (giới hạn độ dài một ô)";
        Assert.Contains(reason, Assert.Single(csv.Errors), StringComparison.Ordinal);
        Assert.Contains(reason, Assert.Single(xlsx.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void UnzippedBytes_AreCountedAsInflated()
    {
        var importer = new ManualFigureImporter(TestCatalog.Create(), TimeProvider.System, new ImportLimits { MaxDecompressedBytes = 1024 * 1024 });
        var rows = new StringBuilder();
        for (int r = 1; r <= 100_000; r++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"/>");
        }

        var result = importer.Read(new MemoryStream(XlsxWorkbook.WithSheetData(XlsxWorkbook.Build(["x"]), rows.ToString())), "a.xlsx", "manual");

        Assert.Equal(["tệp Excel khi giải nén lớn hơn 1 MB (giới hạn dung lượng giải nén); hãy chia thành nhiều tệp nhỏ hơn"], result.Errors);
    }

    [Fact]
    public void TheDefaults_AreFarAboveARealFile_AndTheSame_ForEveryImporter()
    {
        var limits = new ManualFigureImporter(TestCatalog.Create(), TimeProvider.System).Limits;

        Assert.Same(ImportLimits.Default, limits);
        Assert.Equal((20 * 1024 * 1024, 100_000, 256, 3_000_000), (limits.MaxBytes, limits.MaxRows, limits.MaxColumns, limits.MaxCells));
    }

    private sealed class SecondPerLook : TimeProvider
    {
        private long _seconds;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp() => Interlocked.Increment(ref _seconds);
    }
}
