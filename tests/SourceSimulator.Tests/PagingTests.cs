using System.Net;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class PagingTests : IAsyncLifetime
{
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData(TestSimulator.EOffice, "unitCode")]
    [InlineData(TestSimulator.OneStop, "MaDonVi")]
    public async Task Paging_CoversEveryReportingUnitExactlyOnce(string path, string codeField)
    {
        var period = new MonthPeriod(2025, 3);
        var expected = _sim.State.Units.Reporting(period).Select(u => u.Code).ToList();

        var items = await _sim.AllItemsAsync(path, $"period={period}", pageSize: 17);

        Assert.Equal(expected, items.Select(i => i.GetProperty(codeField).GetString()));
        Assert.Equal(expected.Count, expected.Distinct().Count());
    }

    [Fact]
    public async Task AntiMalwarePaging_CoversEveryCurrentUnitOnce_PlusTheUnmappedTestLab()
    {
        var current = _sim.State.Units.Reporting(new MonthPeriod(2026, 3)).Select(u => "AM." + u.Code);

        var items = await _sim.AllItemsAsync(TestSimulator.AntiMalware, "x=1", pageSize: 50);

        Assert.Equal([.. current, "AM.TEST-LAB"], items.Select(i => i.GetProperty("orgCode").GetString()));
    }

    [Fact]
    public async Task DemoProvince_ReportsDistrictsBeforeTheReform_AndNotAfter()
    {
        var before = await _sim.AllItemsAsync(TestSimulator.EOffice, "period=2025-06", 500);
        var after = await _sim.AllItemsAsync(TestSimulator.EOffice, "period=2025-07", 500);

        Assert.Contains(before, i => i.GetProperty("unitCode").GetString()!.StartsWith("LCU.H.", StringComparison.Ordinal));
        Assert.DoesNotContain(after, i => i.GetProperty("unitCode").GetString()!.StartsWith("LCU.H.", StringComparison.Ordinal));
        Assert.DoesNotContain(before, i => i.GetProperty("unitCode").GetString() == "LCU");
    }

    [Fact]
    public async Task DossierPaging_CoversEveryRecordOnce_InTruthOrder()
    {
        var truth = await _sim.TruthAsync("onestop-dossiers", "2025-03");

        var items = await _sim.AllItemsAsync(TestSimulator.Dossiers, "period=2025-03", pageSize: 500);

        Assert.Equal(truth.Select(t => t.GetRawText()), items.Select(i => i.GetRawText()));
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("MaHoSo").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task PageBeyondTheLast_IsEmpty_WithTheTotal()
    {
        var root = await _sim.GetJsonAsync(TestSimulator.EOffice + "?period=2025-03&page=99&pageSize=500");

        Assert.Empty(root.GetProperty("items").EnumerateArray());
        Assert.Equal(_sim.State.Units.Reporting(new MonthPeriod(2025, 3)).Count, root.GetProperty("total").GetInt32());
        Assert.Equal(99, root.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task PeriodAfterTheCurrentMonth_HasNoItems()
    {
        var root = await _sim.GetJsonAsync(TestSimulator.OneStop + "?period=2026-04");
        var portal = await _sim.GetJsonAsync(TestSimulator.Portal + "?nam=2026&thang=4");

        Assert.Equal(0, root.GetProperty("total").GetInt32());
        Assert.Empty(root.GetProperty("items").EnumerateArray());
        Assert.Empty(portal.GetProperty("data").EnumerateArray());
    }

    [Theory]
    [InlineData("period=2025-03&pageSize=501")]
    [InlineData("period=2025-03&pageSize=0")]
    [InlineData("period=2025-03&page=0")]
    [InlineData("period=2025-03&page=abc")]
    [InlineData("period=2025-3")]
    [InlineData("")]
    public async Task BadQuery_Answers400(string query)
    {
        using var response = await _sim.GetAsync(TestSimulator.EOffice + "?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_request", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DefaultPage_IsTheFirstHundred()
    {
        var root = await _sim.GetJsonAsync(TestSimulator.EOffice + "?period=2025-03");

        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(100, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(100, root.GetProperty("items").GetArrayLength());
    }
}
