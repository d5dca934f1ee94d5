using System.Text;
using KpiMonitor.Imports;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Imports;

/// <summary>
/// Files shaped to exhaust the reader or to break it, through the public importer only: each is refused with a
/// Vietnamese reason naming what is wrong, never an exception, and costs memory in proportion to what it holds.
/// </summary>
public sealed class ImportHardeningTests
{
    private const string Header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kpi</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>unit</t></is></c>"
        + "<c r=\"C1\" t=\"inlineStr\"><is><t>period</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>value</t></is></c></row>";

    private readonly ManualFigureImporter _importer = new(TestCatalog.Create(), TimeProvider.System);

    [Fact]
    public void Xlsx_ValuesInColumnXFD_AreRefusedNamingTheColumnLimit_NotPaddedOut()
    {
        var rows = new StringBuilder(Header);
        for (int r = 2; r <= 200; r++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"XFD{r}\"><v>1</v></c></row>");
        }

        var result = Xlsx(rows.ToString());

        Assert.Equal(["dòng 2: có giá trị ở cột thứ hơn 256 (giới hạn 256 cột)"], result.Errors);
    }

    [Fact]
    public void Xlsx_EmptyFormattedCellsFarRight_StaySparse_AndTheFileIsRead()
    {
        // Excel writes a styled empty cell where someone once formatted the whole row: it holds nothing.
        var rows = new StringBuilder(Header);
        for (int r = 2; r <= 2_001; r++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>{TestCatalog.Rank}</t></is></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>P</t></is></c>"
                + $"<c r=\"C{r}\"><v>{1970 + (r % 200)}</v></c><c r=\"D{r}\"><v>{r}</v></c><c r=\"XFD{r}\" s=\"0\"/></row>");
        }

        byte[] file = XlsxWorkbook.WithSheetData(XlsxWorkbook.Build(["x"]), rows.ToString());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = _importer.Read(new MemoryStream(file), "sparse.xlsx", "manual");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 200 distinct years of one KPI and unit: the rest are duplicates, reported by row; what matters is that
        // every row was read, and that 2,000 rows reaching column XFD did not cost 2,000 × 16,384 cells.
        Assert.Equal(2_000, result.Rows);
        Assert.True(allocated < 200L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void Xlsx_MillionsOfEmptyRowsCompressed_AreRefusedNamingTheRowLimit()
    {
        var rows = new StringBuilder(Header);
        for (int r = 2; r <= 1_100_000; r++)
        {
            rows.Append("<row/>");
        }

        var result = Xlsx(rows.ToString());

        Assert.Equal(["dòng 1.048.577 vượt quá giới hạn 1.048.576 dòng của một trang tính"], result.Errors);
    }

    [Fact]
    public void Xlsx_MoreUnzippedThanTheLimit_IsRefusedNamingIt()
    {
        var result = Xlsx(Header + new string(' ', 65 * 1024 * 1024));

        Assert.Equal(["tệp Excel khi giải nén lớn hơn 64 MB (giới hạn dung lượng giải nén); hãy chia thành nhiều tệp nhỏ hơn"], result.Errors);
    }

    [Fact]
    public void Csv_OfCommas_IsRefusedNamingTheCellLimit_AtTheCostOfItsText()
    {
        var text = new StringBuilder("kpi,unit,period,value\n");
        string line = new(',', 50_000);
        for (int i = 0; i < 80; i++)
        {
            text.Append(line).Append('\n');
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = _importer.Read(new MemoryStream(bytes), "commas.csv", "manual");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(["tệp có hơn 3.000.000 ô (giới hạn 3.000.000 ô, kể cả ô trống); hãy chia thành nhiều tệp nhỏ hơn"], result.Errors);
        Assert.True(allocated < 8L * bytes.Length, $"{allocated:N0} bytes allocated for a {bytes.Length:N0}-byte file");
    }

    [Fact]
    public void Csv_LineLongerThanTheLimit_IsRefusedNamingIt()
    {
        var result = Csv("kpi,unit,period,value\n" + string.Join(',', Enumerable.Repeat(new string('x', 3_000), 40)) + "\n");

        Assert.Equal(["dòng 2 dài hơn 100.000 ký tự (giới hạn độ dài một dòng)"], result.Errors);
    }

    [Theory]
    [InlineData("<row r=\"-5\"><c r=\"A2\"><v>1</v></c></row>", "dòng sau dòng 1 có số thứ tự không hợp lệ (r=\"-5\")")]
    [InlineData("<row r=\"abc\"/>", "dòng sau dòng 1 có số thứ tự không hợp lệ (r=\"abc\")")]
    [InlineData("<row r=\"99999999999\"/>", "dòng 99.999.999.999 vượt quá giới hạn 1.048.576 dòng của một trang tính")]
    [InlineData("<row r=\"2\"><c r=\"2A\"><v>1</v></c></row>", "dòng 2: ô có địa chỉ không hợp lệ '2A'")]
    [InlineData("<row r=\"2\"><c r=\"ZZZZ2\"><v>1</v></c></row>", "dòng 2: ô có địa chỉ không hợp lệ 'ZZZZ2'")]
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>", "dòng 2: ô trỏ tới chuỗi dùng chung số '99' không có trong tệp")]
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>-1</v></c></row>", "dòng 2: ô trỏ tới chuỗi dùng chung số '-1' không có trong tệp")]
    public void Xlsx_MalformedReferences_AreRefusedWithTheReason_NotThrown(string rows, string reason)
    {
        var result = Xlsx(Header + rows);

        Assert.Equal([reason], result.Errors);
    }

    [Theory]
    [InlineData("<row r=\"2\"><c r=\"A2\"><v>1</v></row>")]
    [InlineData("<row r=\"2\"><c r=\"A2\"><v>1&bogus;</v></c></row>")]
    public void Xlsx_InvalidXml_IsRefused_NotThrown(string rows)
    {
        var result = Xlsx(Header + rows);

        Assert.Equal(["không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải định dạng .xlsx (XmlException)"], result.Errors);
    }

    [Fact]
    public void Xlsx_NotAZipOrAZipWithoutAWorkbook_IsRefused_NotThrown()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("hello.txt").Open());
            writer.Write("hello");
        }

        var notZip = _importer.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "a.xlsx", "manual");
        var noWorkbook = _importer.Read(new MemoryStream(zip.ToArray()), "b.xlsx", "manual");

        Assert.StartsWith("không đọc được tệp Excel (.xlsx): tệp hỏng", Assert.Single(notZip.Errors));
        Assert.Matches("^(không đọc được tệp Excel \\(\\.xlsx\\): tệp hỏng|tệp Excel không có trang tính)", Assert.Single(noWorkbook.Errors));
    }

    private ImportResult Xlsx(string sheetData) =>
        _importer.Read(new MemoryStream(XlsxWorkbook.WithSheetData(XlsxWorkbook.Build(["x"]), sheetData)), "figures.xlsx", "manual");

    private ImportResult Csv(string text) => _importer.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "figures.csv", "manual");
}
