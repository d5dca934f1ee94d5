using System.Net;
using System.Text.Json;
using KpiMonitor.Dashboard.Tests.Web;
using static KpiMonitor.Dashboard.Tests.Web.KpiTablePage;

namespace KpiMonitor.Dashboard.Tests.Api;

// GET /api/kpis/{kpi}/assessment?unit=&month=: a past month is judged against its own year's target and its children
// are ranked by that month, whatever this month holds. Anti-malware coverage: 90 % (band 10) in 2025, 100 % (band 5) from 2026.
public sealed class KpiApiAssessmentTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Kpi = "antimalware_coverage";

    [Fact]
    public async Task APastMonth_RanksThatMonth_AgainstThatYearsTarget()
    {
        var august = new DateOnly(2025, 8, 1);
        await WriteRatiosAsync(factory, Kpi, august, (BanGiang, 80, 100), (BanBo, 95, 100));
        await WriteRatiosAsync(factory, Kpi, august.AddMonths(1), (BanGiang, 92, 100), (BanBo, 85, 100));
        // This month the order is the other way round: a ranking "as of today" would put Bản Bo first.
        await WriteRatiosAsync(factory, Kpi, ThisMonth, (BanGiang, 50, 100), (BanBo, 99, 100));

        using var json = await GetAsync($"/api/kpis/{Kpi}/assessment?unit=LCU&month=2025-09");
        var root = json.RootElement;
        var children = root.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("unit").GetString()!);

        Assert.Equal(("2025-09-01", false), (root.GetProperty("period").GetString(), root.GetProperty("inProgress").GetBoolean()));
        Assert.Equal((1, 2, 1), Ranks(children[BanGiang]));
        Assert.Equal((2, 1, -1), Ranks(children[BanBo]));
        // 92 % meets 2025's 90 %; against 2026's 100 % it would be missed. 85 % is within 2025's band.
        Assert.Equal((90, "Met"), (children[BanGiang].GetProperty("target").GetDouble(), children[BanGiang].GetProperty("status").GetString()));
        Assert.Equal("AtRisk", children[BanBo].GetProperty("status").GetString());
        Assert.Equal(80, children[BanGiang].GetProperty("previous").GetDouble());
        Assert.Equal(JsonValueKind.Null, children[SanThang].GetProperty("rank").ValueKind);
    }

    [Fact]
    public async Task WithoutAMonth_ItIsThisMonth_StillInProgress()
    {
        using var json = await GetAsync($"/api/kpis/{Kpi}/assessment?unit=LCU");

        Assert.Equal(ThisMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("period").GetString());
        Assert.True(json.RootElement.GetProperty("inProgress").GetBoolean());
    }

    [Theory]
    [InlineData("month=2025-13", HttpStatusCode.BadRequest, "month")]
    [InlineData("month=9999-01", HttpStatusCode.BadRequest, "month")]
    [InlineData("unit=NOWHERE", HttpStatusCode.NotFound, "unit")]
    public async Task ABadParameter_IsRefusedNamingIt(string query, HttpStatusCode status, string parameter)
    {
        var response = await Client().GetAsync(new Uri($"/api/kpis/{Kpi}/assessment?{query}", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    private static (int?, int?, int?) Ranks(JsonElement child) =>
        (Int(child.GetProperty("rank")), Int(child.GetProperty("previousRank")), Int(child.GetProperty("movement")));

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private HttpClient Client()
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", DashboardFactory.ApiKey);
        return client;
    }

    private async Task<JsonDocument> GetAsync(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
