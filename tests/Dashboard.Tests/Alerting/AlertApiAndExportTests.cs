using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpiMonitor.Alerts;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Dashboard.Tests.Web;
using KpiMonitor.Shared.Periods;
using static KpiMonitor.Dashboard.Tests.Web.ExportFiles;

namespace KpiMonitor.Dashboard.Tests.Alerting;

public sealed class AlertApiAndExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>, IAsyncLifetime
{
    private static readonly AlertKey Firing = new("t-api", "LCU.X.DAOSAN", "online_dossier_rate");
    private static readonly AlertKey Acknowledged = new("t-api-ack", "LCU.S.SNV", "late_dossiers");
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddHours(-5);

    private static readonly string[] HistoryHeaders =
        ["Lúc", "Sự kiện", "Mức độ", "Mã đơn vị", "Đơn vị / nguồn", "Mã chỉ tiêu", "Chỉ tiêu", "Quy tắc", "Nội dung", "Người tiếp nhận", "Ghi chú"];

    public async Task InitializeAsync() => await AlertSeeds.WriteAsync(factory.Services,
    [
        .. AlertSeeds.Firing(Firing, At, AlertSeverity.Critical, "Xã Dào San: 25,0 %, mục tiêu 50,0 %"),
        .. AlertSeeds.Firing(Acknowledged, At, AlertSeverity.Warning, "Sở Nội vụ: 30 hồ sơ trễ hạn"),
        new AlertAcknowledged(Acknowledged, 3, At.AddHours(1), "operator", "Đang xử lý, \"gấp\""),
    ]);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient ApiClient()
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);
        return client;
    }

    [Fact]
    public async Task OpenAlerts_AsJson_WithNamesSeverityPhaseAndAcknowledgement()
    {
        var client = ApiClient();

        var json = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts?unit=LCU.X.DAOSAN", UriKind.Relative));

        Assert.Equal(1, json.GetProperty("count").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, json.GetProperty("lastEvaluation").ValueKind);
        var alert = json.GetProperty("alerts")[0];
        Assert.Equal(Firing.Id, alert.GetProperty("id").GetString());
        Assert.Equal("LCU.X.DAOSAN", alert.GetProperty("unit").GetString());
        Assert.Equal("Xã Dào San", alert.GetProperty("unitName").GetString());
        Assert.Equal("Tỷ lệ hồ sơ nộp trực tuyến", alert.GetProperty("kpiName").GetString());
        Assert.Equal("firing", alert.GetProperty("phase").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal(25, alert.GetProperty("value").GetDouble());
        Assert.Equal(50, alert.GetProperty("target").GetDouble());
        Assert.Equal(At, alert.GetProperty("since").GetDateTimeOffset());
        Assert.Equal("/chi-tieu/online_dossier_rate?unit=LCU.X.DAOSAN", alert.GetProperty("link").GetString());

        var acknowledged = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts?kpi=late_dossiers&severity=warning", UriKind.Relative)))
            .GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == Acknowledged.Id);
        Assert.Equal("operator", acknowledged.GetProperty("acknowledged").GetProperty("by").GetString());
    }

    [Fact]
    public async Task BadParameters_Give400_NamingTheParameter()
    {
        var client = ApiClient();

        var response = await client.GetAsync(new Uri("/api/alerts/history?pageSize=100000", UriKind.Relative));
        var severity = await client.GetAsync(new Uri("/api/alerts?severity=1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pageSize", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, severity.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync(new Uri("/api/alerts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task History_NewestFirst_PagedWithTotal()
    {
        var client = ApiClient();

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts/history?unit=LCU.S.SNV&pageSize=2", UriKind.Relative));
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/alerts/history?unit=LCU.S.SNV&pageSize=2&page=2", UriKind.Relative));

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(["acknowledged", "fired", "pending"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("Đang xử lý, \"gấp\"", items[0].GetProperty("note").GetString());
        Assert.Equal("Sở Nội vụ", items[0].GetProperty("unitName").GetString());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task HistoryCsv_HasThePageColumns_VietnameseTimes_AndTheNoteQuoted()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/canh-bao/lich-su.csv?unit=LCU.S.SNV", UriKind.Relative));
        string[] lines = CsvLines(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Join(',', HistoryHeaders), lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(
            [Local(At.AddHours(1)), "Được tiếp nhận", "Cần chú ý", "LCU.S.SNV", "Sở Nội vụ", "late_dossiers", "Số hồ sơ trễ hạn", "t-api-ack",
             "Sở Nội vụ: 30 hồ sơ trễ hạn", "operator", "Đang xử lý, \"gấp\""],
            Fields(lines[1]));
        Assert.Equal("Phát cảnh báo", Fields(lines[2])[1]);
    }

    [Fact]
    public async Task HistoryXlsx_HoldsTheSameRows_TimesAsDates()
    {
        var client = await factory.SignedInAsync();

        var response = await client.GetAsync(new Uri("/canh-bao/lich-su.xlsx?unit=LCU.X.DAOSAN&severity=critical", UriKind.Relative));
        var (sheet, rows) = XlsxRows(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lịch sử cảnh báo", sheet);
        Assert.Equal(HistoryHeaders, rows[0].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(Text));
        Assert.Equal(3, rows.Count);
        var fired = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal(VietnamTime.ToLocal(At.AddMinutes(1)).DateTime.ToOADate(), Number(fired[0]), 6);
        Assert.Equal(["Phát cảnh báo", "Nghiêm trọng", "LCU.X.DAOSAN", "Xã Dào San"], fired.Skip(1).Take(4).Select(Text));
    }

    private static string Local(DateTimeOffset at) =>
        VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
