using KpiMonitor.Dashboard.Auth;
using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using static KpiMonitor.Dashboard.Tests.Web.ExportFiles;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class ExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>, IAsyncLifetime
{
    private static readonly string[] ChildHeaders =
        ["Xếp hạng", "Xếp hạng tháng trước", "Mã đơn vị", "Đơn vị", "Giá trị (%)", "Tử số", "Mẫu số", "Mục tiêu (%)", "Trạng thái", "Số đơn vị có số liệu"];

    private static readonly int[] NumberColumns = [0, 4, 5, 6, 9];

    public async Task InitializeAsync()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        var month = VietnamTime.StartOf(PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month));
        await store.WriteAsync(
        [
            Observation.Ratio("digitization_rate", "LCU.X.BANGIANG", month, 12, 12, "test"),
            Observation.Ratio("digitization_rate", "LCU.X.NATAM", month, 1000, 5000, "test"),
        ], CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task KpiChildrenCsv_IsUtf8WithBom_VietnameseHeaders_OneRowPerChild_NumbersInvariant()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/chi-tieu/digitization_rate/xuat.csv?unit=LCU", UriKind.Relative));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string[] lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(string.Join(',', ChildHeaders), lines[0]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(Children().Count, lines.Length - 2);
        string target = Target();
        Assert.Equal(["1", "", "LCU.X.BANGIANG", "Xã Bản Giang", "100", "12", "12", target, Status(target, "Đạt"), "1"], Fields(lines[1]));
        Assert.Equal(["2", "", "LCU.X.NATAM", "Xã Nà Tăm", "20", "1000", "5000", target, Status(target, "Không đạt"), "1"], Fields(lines[2]));
        Assert.All(lines[3..^1], l =>
        {
            var fields = Fields(l);
            Assert.Equal(10, fields.Count);
            Assert.Equal(["", ""], fields[..2]);
            Assert.Contains(Children(), c => c.Code == fields[2] && c.NameVi == fields[3]);
            Assert.Equal(["", "", "", target, "Chưa có dữ liệu", "0"], fields[4..]);
        });
        Assert.Contains(lines, l => l.Contains("\"Sở Văn hóa, Thể thao và Du lịch\"", StringComparison.Ordinal));

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"Ty-le-so-hoa-ho-so-ket-qua-giai-quyet-TTHC-Tinh-Lai-Chau-{Month()}.csv", disposition.FileName!.Trim('"'));
        Assert.Equal($"Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC - Tỉnh Lai Châu - {Month()}.csv", disposition.FileNameStar);
    }

    [Fact]
    public async Task KpiChildrenXlsx_OpensWithOpenXml_BoldHeaders_SameValuesAsNumbers()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/chi-tieu/digitization_rate/xuat.xlsx?unit=LCU", UriKind.Relative));

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Các đơn vị trực thuộc", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(Children().Count + 1, rows.Count);

        var header = rows[0].Elements<Cell>().ToList();
        Assert.Equal(ChildHeaders, header.Select(Text));
        var fonts = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.All(header, c => Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold));

        var bangiang = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Xã Bản Giang", Text(bangiang[3]));
        Assert.Equal([1, 100, 12, 12, 1], NumberColumns.Select(i => Number(bangiang[i])));
        var natam = rows[2].Elements<Cell>().ToList();
        Assert.Equal("Xã Nà Tăm", Text(natam[3]));
        Assert.Equal([2, 20, 1000, 5000, 1], NumberColumns.Select(i => Number(natam[i])));
    }

    [Fact]
    public async Task SourcesExports_HaveOneRowPerSource_QuoteCommasAndQuotes_AndDefuseFormulas()
    {
        var health = factory.Services.GetRequiredService<ISourceHealthStore>();
        var run = new DateTimeOffset(2026, 3, 4, 1, 2, 0, TimeSpan.Zero);
        await health.WriteSourceHealthAsync(new SourceHealth("portal766", run, null, "=HYPERLINK(\"x\"), từ chối", TimeSpan.FromSeconds(2.5), 0, 3),
            CancellationToken.None);
        var client = await factory.SignedInAsync(Roles.Operator);

        byte[] csv = await client.GetByteArrayAsync(new Uri("/nguon-du-lieu/xuat.csv", UriKind.Relative));
        var xlsx = await client.GetAsync(new Uri("/nguon-du-lieu/xuat.xlsx", UriKind.Relative));

        string[] lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n");
        Assert.StartsWith("Mã,Nguồn,Loại,Đang bật,Lịch chạy,Độ mới,", lines[0], StringComparison.Ordinal);
        Assert.Equal(SourceCount() + 2, lines.Length);
        string portal = Assert.Single(lines, l => l.StartsWith("portal766,", StringComparison.Ordinal));
        Assert.Equal("portal766,Cổng Dịch vụ công quốc gia — Bộ chỉ số 766,Cổng DVC quốc gia — Bộ chỉ số 766,Có,0 30 6 * * ?,Dữ liệu cũ,50,"
            + "04/03/2026 08:02,,2.5,0,3,0,,\"'=HYPERLINK(\"\"x\"\"), từ chối\"", portal);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var rows = workbook.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(SourceCount() + 1, rows.Count);
        var cells = rows.Single(r => Text(r.Elements<Cell>().First()) == "portal766").Elements<Cell>().ToList();
        Assert.Equal("=HYPERLINK(\"x\"), từ chối", Text(cells[14]));
        Assert.Null(cells[14].CellFormula);
        Assert.Equal(new DateTime(2026, 3, 4, 8, 2, 0).ToOADate(), Number(cells[7]), 6);
        Assert.Equal(3, Number(cells[11]));
    }

    [Theory]
    [InlineData("/chi-tieu/khong_co/xuat.csv")]
    [InlineData("/chi-tieu/digitization_rate/xuat.csv?unit=KHONG.CO")]
    [InlineData("/chi-tieu/digitization_rate/xuat.pdf")]
    [InlineData("/nguon-du-lieu/xuat.json")]
    public async Task Exports_OfUnknownThings_AreTheFriendly404(string path)
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KpiAndSourcesPages_LinkToTheirDownloads()
    {
        var client = await factory.SignedInAsync();

        string kpi = await client.GetStringAsync(new Uri("/chi-tieu/digitization_rate?unit=LCU", UriKind.Relative));
        string sources = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));

        Assert.Contains("href=\"/chi-tieu/digitization_rate/xuat.csv?unit=LCU\"", kpi, StringComparison.Ordinal);
        Assert.Contains("href=\"/chi-tieu/digitization_rate/xuat.xlsx?unit=LCU\"", kpi, StringComparison.Ordinal);
        Assert.Contains("href=\"/nguon-du-lieu/xuat.csv\"", sources, StringComparison.Ordinal);
        Assert.Contains("href=\"/nguon-du-lieu/xuat.xlsx\"", sources, StringComparison.Ordinal);
    }

    private IReadOnlyList<KpiMonitor.Shared.Units.OrgUnit> Children() =>
        factory.Services.GetRequiredService<Catalog>().Units.AsOf(VietnamTime.DateOf(DateTimeOffset.UtcNow)).ChildrenOf("LCU");

    private int SourceCount()
    {
        var catalog = factory.Services.GetRequiredService<Catalog>();
        return SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory)).Count;
    }

    /// <summary>This year's target for every unit, as the CSV writes it ("80"), or "" when the year has none.</summary>
    private string Target()
    {
        var catalog = factory.Services.GetRequiredService<Catalog>();
        var target = catalog.Targets.For("digitization_rate", catalog.Units.Find("LCU")!, VietnamTime.DateOf(DateTimeOffset.UtcNow).Year);
        return target?.Value.ToString("R", CultureInfo.InvariantCulture) ?? "";
    }

    private static string Status(string target, string withTarget) => target.Length > 0 ? withTarget : "Chưa đặt mục tiêu";

    private static string Month() => VietnamTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
