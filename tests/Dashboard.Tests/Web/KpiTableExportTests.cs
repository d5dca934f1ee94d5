using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static KpiMonitor.Dashboard.Tests.Web.KpiTablePage;

namespace KpiMonitor.Dashboard.Tests.Web;

// The child table's downloads follow the page: same parameters, same rows, same order; the same 404 for values the page never offers.
public sealed class KpiTableExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/chi-tieu/on_time_rate?sort=diem")]
    [InlineData("/chi-tieu/on_time_rate?sort=3")]
    [InlineData("/chi-tieu/on_time_rate?sort=value&dir=up")]
    [InlineData("/chi-tieu/on_time_rate?level=thon")]
    [InlineData("/chi-tieu/on_time_rate?months=7")]
    [InlineData("/chi-tieu/on_time_rate/xuat.csv?sort=diem")]
    [InlineData("/chi-tieu/on_time_rate/xuat.xlsx?level=thon")]
    public async Task TableParametersThePageNeverOffers_GiveTheFriendly404_LikeABadMonths(string path)
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HoldsWhatTheReaderSees_SameLevelAndOrder()
    {
        await WriteRatiosAsync(factory, "antimalware_coverage", ThisMonth, (TuPhap, 100, 100), (BanGiang, 40, 100), (BanBo, 95, 100), (SanThang, 60, 100));
        var client = await factory.SignedInAsync();
        const string query = "?unit=LCU&level=commune&sort=value&dir=asc";

        string html = await client.GetStringAsync(new Uri("/chi-tieu/antimalware_coverage" + query, UriKind.Relative));
        var csv = await client.GetAsync(new Uri("/chi-tieu/antimalware_coverage/xuat.csv" + query, UriKind.Relative));
        var xlsx = await client.GetAsync(new Uri("/chi-tieu/antimalware_coverage/xuat.xlsx" + query, UriKind.Relative));

        var shown = RowUnits(html);
        var lines = CsvLines(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(shown, lines[1..].Select(l => l.Split(',')[2]));
        Assert.Equal([BanGiang, SanThang, BanBo], shown[..3]);
        Assert.DoesNotContain(lines, l => l.Contains(TuPhap, StringComparison.Ordinal));
        Assert.EndsWith(" - Tỉnh Lai Châu - Cấp xã - " + ThisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".csv",
            csv.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet
            .GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(shown, rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(2).InnerText));
    }
}
