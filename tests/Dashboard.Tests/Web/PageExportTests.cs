using System.Globalization;
using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using static KpiMonitor.Dashboard.Tests.Web.ExportFiles;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>The downloads of the overview, unit, manual-entry and admin tables, on a store this class writes alone.</summary>
public sealed class PageExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly DateOnly June = new(2025, 6, 1);

    [Fact]
    public async Task UnitKpis_OfAMonth_AreOneRowPerKpi_WithTheRollupOfThatMonth()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        await store.WriteAsync(
        [
            Observation.Ratio("digitization_rate", "LCU.X.BANGIANG", VietnamTime.StartOf(June), 12, 12, "test"),
            Observation.Ratio("digitization_rate", "LCU.X.NATAM", VietnamTime.StartOf(June), 1000, 5000, "test"),
        ], CancellationToken.None);
        var client = await factory.SignedInAsync();

        var csv = await client.GetAsync(new Uri("/don-vi/LCU/xuat.csv?month=2025-06", UriKind.Relative));
        var xlsx = await client.GetByteArrayAsync(new Uri("/don-vi/LCU/xuat.xlsx?month=2025-06", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("Tổng quan - Tỉnh Lai Châu - 2025-06.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        string[] lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("Mã chỉ tiêu,Chỉ tiêu,Kỳ,Đơn vị tính,Giá trị,Tử số,Mẫu số,Mục tiêu,Trạng thái,Kỳ trước,Cùng kỳ năm trước,Số đơn vị có số liệu", lines[0]);
        var catalog = factory.Services.GetRequiredService<Catalog>();
        Assert.Equal(catalog.Kpis.All.Select(k => k.Code), lines[1..].Select(l => Fields(l)[0]));
        var digitization = Fields(Assert.Single(lines, l => l.StartsWith("digitization_rate,", StringComparison.Ordinal)));
        Assert.Equal(["06/2025", "%", (1012.0 / 5012.0 * 100).ToString("R", CultureInfo.InvariantCulture), "1012", "5012"], digitization[2..7]);
        Assert.Equal("2", digitization[11]);

        var (sheet, rows) = XlsxRows(xlsx);
        Assert.Equal("Tổng quan", sheet);
        Assert.Equal(catalog.Kpis.All.Count + 1, rows.Count);
        var cells = rows.Single(r => Text(r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First()) == "digitization_rate")
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(1012, Number(cells[5]));
    }

    [Theory]
    [InlineData("/don-vi/LCU/xuat.csv?month=2025-13")]
    [InlineData("/don-vi/LCU/xuat.csv?month=0001-01")]
    [InlineData("/don-vi/KHONG.CO/xuat.csv")]
    [InlineData("/don-vi/LCU/xuat.pdf")]
    [InlineData("/don-vi/KHONG.CO/do-moi.csv")]
    [InlineData("/nhap-lieu/nhat-ky.json")]
    [InlineData("/quan-tri/muc-tieu.txt")]
    public async Task Downloads_OfUnknownThings_AreTheFriendly404(string path)
    {
        var client = await factory.SignedInAsync(Roles.Admin);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitFreshness_ListsEverySourceThatReportedTheUnit()
    {
        var store = factory.Services.GetRequiredService<ITimeSeriesStore>();
        await store.WriteAsync([Observation.Scalar("dossiers_received", "LCU.X.NAMTAM", VietnamTime.StartOf(June), 7, "onestop")], CancellationToken.None);
        var client = await factory.SignedInAsync();

        string[] lines = CsvLines(await client.GetByteArrayAsync(new Uri("/don-vi/LCU.X.NAMTAM/do-moi.csv", UriKind.Relative)));
        string page = await client.GetStringAsync(new Uri("/don-vi/LCU.X.NAMTAM", UriKind.Relative));

        Assert.Equal("Mã,Nguồn,Kỳ số liệu mới nhất,Nhận lúc", lines[0]);
        var onestop = Fields(Assert.Single(lines[1..]));
        Assert.Equal("onestop", onestop[0]);
        Assert.StartsWith("Hệ thống thông tin giải quyết thủ tục hành chính", onestop[1], StringComparison.Ordinal);
        Assert.Equal("01/06/2025 00:00", onestop[2]);
        Assert.Contains("href=\"/don-vi/LCU.X.NAMTAM/do-moi.xlsx\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/don-vi/LCU.X.NAMTAM/xuat.csv?month={VietnamTime.DateOf(DateTimeOffset.UtcNow):yyyy-MM}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_IsForOperators_NewestFirst_WithNamesAndCodes()
    {
        var audit = factory.Services.GetRequiredService<AuditLog>();
        var at = new DateTimeOffset(2026, 11, 2, 1, 30, 0, TimeSpan.Zero);
        await audit.AppendAsync(
        [
            new AuditEntry(at, "canbo", "par_plan_progress", "LCU", new DateOnly(2026, 10, 1), null, "16 / 37", "form"),
            new AuditEntry(at.AddHours(1), "canbo", "par_plan_progress", "LCU", new DateOnly(2026, 10, 1), "16 / 37", "17 / 37", "form"),
        ], CancellationToken.None);
        var viewer = await factory.SignedInAsync(Roles.Viewer);
        var operatorClient = await factory.SignedInAsync(Roles.Operator);

        var refused = await viewer.GetAsync(new Uri("/nhap-lieu/nhat-ky.csv", UriKind.Relative));
        string[] lines = CsvLines(await operatorClient.GetByteArrayAsync(new Uri("/nhap-lieu/nhat-ky.csv", UriKind.Relative)));
        string page = await operatorClient.GetStringAsync(new Uri("/nhap-lieu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/khong-co-quyen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Lúc,Người nhập,Mã chỉ tiêu,Chỉ tiêu,Mã đơn vị,Đơn vị,Kỳ,Giá trị cũ,Giá trị mới,Qua", lines[0]);
        Assert.Equal(
            ["02/11/2026 09:30", "canbo", "par_plan_progress", "Tiến độ thực hiện kế hoạch CCHC", "LCU", "Tỉnh Lai Châu", "10/2026", "16 / 37", "17 / 37", "form"],
            Fields(lines[1]));
        Assert.Equal(["02/11/2026 08:30", "", "16 / 37"], [Fields(lines[2])[0], .. Fields(lines[2])[7..9]]);
        Assert.Contains("href=\"/nhap-lieu/nhat-ky.xlsx\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Targets_AreForAdmins_OneRowPerTargetOfTheCatalogue()
    {
        var operatorClient = await factory.SignedInAsync(Roles.Operator);
        var admin = await factory.SignedInAsync(Roles.Admin);

        var refused = await operatorClient.GetAsync(new Uri("/quan-tri/muc-tieu.xlsx", UriKind.Relative));
        string[] lines = CsvLines(await admin.GetByteArrayAsync(new Uri("/quan-tri/muc-tieu.csv", UriKind.Relative)));
        var (sheet, rows) = XlsxRows(await admin.GetByteArrayAsync(new Uri("/quan-tri/muc-tieu.xlsx", UriKind.Relative)));
        string page = await admin.GetStringAsync(new Uri("/quan-tri", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/khong-co-quyen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var catalog = factory.Services.GetRequiredService<Catalog>();
        Assert.Equal(catalog.Targets.All.Count() + 1, lines.Length);
        Assert.Equal("Mã chỉ tiêu,Chỉ tiêu,Áp dụng cho,Từ năm,Đến năm,Mục tiêu,Ngưỡng cảnh báo,Căn cứ", lines[0]);
        Assert.Contains(lines, l => Fields(l) is ["online_work_record_rate", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", "Cấp xã", "2024", "2027", "60", "10", _]);
        Assert.Equal("Mục tiêu", sheet);
        Assert.Equal(lines.Length, rows.Count);
        Assert.Contains("href=\"/quan-tri/muc-tieu.csv\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_LinksToTheDownloadOfItsUnitAndMonth()
    {
        var client = await factory.SignedInAsync();

        string page = await client.GetStringAsync(new Uri("/?unit=LCU.X.NATAM&month=2025-06", UriKind.Relative));

        Assert.Contains("href=\"/don-vi/LCU.X.NATAM/xuat.csv?month=2025-06\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/don-vi/LCU.X.NATAM/xuat.xlsx?month=2025-06\"", page, StringComparison.Ordinal);
    }
}
