using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using KpiMonitor.Reports.Xlsx;
using KpiMonitor.Testing;
using static KpiMonitor.Reports.Tests.ReportSeed;

namespace KpiMonitor.Reports.Tests.Xlsx;

/// <summary>The report's workbook read back with the OpenXml SDK: its number cells against the seeded figures.</summary>
public sealed class XlsxReportWriterTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public void KpiSheet_HoldsTheProvinceFiguresAsNumbers()
    {
        var rows = XlsxWorkbook.ReadSheet(XlsxReportWriter.Write(fixture.Report), "Chỉ tiêu");
        var online = rows.Single(r => r[0] == Online);
        double n = OnlineFigures.Values.Sum(f => f.Oct.N), d = OnlineFigures.Values.Sum(f => f.Oct.D);

        Assert.Equal("Tỷ lệ hồ sơ nộp trực tuyến", online[1]);
        Assert.Equal(n / d * 100, Number(online[3]), 9);
        Assert.Equal((n, d), (Number(online[4]), Number(online[5])));
        Assert.Equal(OnlineTarget, Number(online[6]));
        Assert.Equal(ReceivedFigures.Values.Sum(), Number(rows.Single(r => r[0] == Received)[3]));
        Assert.Equal("", rows.Single(r => r[0] == EDocument)[6]);
    }

    [Fact]
    public void AttainmentSheet_CountsEqualAnIndependentCount()
    {
        var rows = XlsxWorkbook.ReadSheet(XlsxReportWriter.Write(fixture.Report), "Đạt chỉ tiêu");
        int communesMet = Children.Count(c => c.Level == "commune" && OnlineFigures.TryGetValue(c.Code, out var f) && f.Oct.N / f.Oct.D * 100 >= OnlineTarget);

        var communes = rows.Single(r => r[0] == Online && r[2] == "Cấp xã");

        Assert.Equal(communesMet, Number(communes[3]));
        Assert.Equal(Children.Count(c => c.Level == "commune"), Number(communes[8]));
        Assert.Equal(1, Number(communes[6]));
    }

    [Fact]
    public void Workbook_IsValidAgainstTheOfficeSchema()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(XlsxReportWriter.Write(fixture.Report)), false);

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }

    [Fact]
    public void SameReportTwice_GivesTheSameBytes() =>
        Assert.Equal(XlsxReportWriter.Write(fixture.Report), XlsxReportWriter.Write(fixture.Report));

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
