using System.Globalization;
using System.Net;
using System.Text.Json;
using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Reports.Xlsx;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static KpiMonitor.Dashboard.Tests.Web.KpiTablePage;

namespace KpiMonitor.Dashboard.Tests.Reports;

/// <summary>
/// Issue #12: the report's workbook holds the dashboard API's figures. The report is built as a separate process would
/// build it (<c>AddReports</c> over the same store and catalogue, no rollup cache), the figures are read from the running
/// dashboard's <c>GET /api/kpis/{kpi}/assessment</c>, and every number cell is compared.
/// </summary>
public sealed class ReportWorkbookApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Kpi = "online_dossier_rate";

    [Fact]
    public async Task WorkbookCells_EqualTheAssessmentApi_ForTheUnitAndItsRankedChildren()
    {
        var month = ThisMonth.AddMonths(-2);
        // Known figures in the month, the month before and a year earlier, so values, targets, ranks and their movement all show.
        await WriteRatiosAsync(factory, Kpi, month, (BanGiang, 79, 100), (BanBo, 46, 100), (SanThang, 99.6, 100), (SungPhai, 20, 100));
        await WriteRatiosAsync(factory, Kpi, month.AddMonths(-1), (BanGiang, 40, 100), (BanBo, 70, 100), (SanThang, 95, 100), (SungPhai, 25, 100));
        await WriteRatiosAsync(factory, Kpi, month.AddYears(-1), (BanGiang, 10, 100), (BanBo, 40, 100), (SanThang, 60, 100), (SungPhai, 30, 100));
        using var reports = ReportServices();

        var report = await reports.GetRequiredService<ReportBuilder>().BuildAsync("LCU", month, CancellationToken.None);
        byte[] workbook = XlsxReportWriter.Write(report);
        using var api = await GetAsync($"/api/kpis/{Kpi}/assessment?unit=LCU&month={month:yyyy-MM}");
        var self = api.RootElement.GetProperty("assessment");
        var children = api.RootElement.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("unit").GetString()!);

        // Sheet "Chỉ tiêu": the unit's value, numerator, denominator, target, last month and last year.
        var row = XlsxWorkbook.ReadSheet(workbook, "Chỉ tiêu").Single(r => r[0] == Kpi);
        Assert.Equal(Number(self.GetProperty("value"), "value"), Cell(row[3]));
        Assert.Equal(Number(self.GetProperty("value"), "numerator"), Cell(row[4]));
        Assert.Equal(Number(self.GetProperty("value"), "denominator"), Cell(row[5]));
        Assert.Equal(Number(self, "target"), Cell(row[6]));
        Assert.Equal(Number(self, "previous"), Cell(row[8]));
        Assert.Equal(Number(self, "lastYear"), Cell(row[9]));

        // Sheet "Xếp hạng": every ranked commune's rank, value, rank last month and movement.
        var ranked = XlsxWorkbook.ReadSheet(workbook, "Xếp hạng").Where(r => r[0] == Kpi).ToList();
        Assert.Equal([BanBo, BanGiang, SanThang, SungPhai], ranked.Select(r => r[4]).Distinct().Order(StringComparer.Ordinal));
        foreach (var r in ranked)
        {
            var child = children[r[4]];
            Assert.Equal(Number(child, "rank"), Cell(r[3]));
            Assert.Equal(Number(child.GetProperty("value"), "value"), Cell(r[6]));
            Assert.Equal(Number(child, "previousRank"), Cell(r[7]));
            Assert.Equal(Number(child, "movement"), Cell(r[8]));
        }

        // Not vacuous: the API ranked Sân Thàng first with 99,6 %, and Bản Giang climbed.
        Assert.Equal((1.0, 99.6), (Number(children[SanThang], "rank")!.Value, Number(children[SanThang].GetProperty("value"), "value")!.Value));
        Assert.True(Number(children[BanGiang], "movement") > 0);
    }

    private ServiceProvider ReportServices()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(factory.Services.GetRequiredService<Catalog>())
            .AddSingleton(factory.Services.GetRequiredService<ITimeSeriesStore>())
            .AddSingleton(factory.Services.GetRequiredService<ISourceHealthStore>());
        services.AddReports(_ => []);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static double? Number(JsonElement parent, string name) =>
        parent.GetProperty(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    private static double? Cell(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private async Task<JsonDocument> GetAsync(string path)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
