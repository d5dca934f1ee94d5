using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class ControlApiTests : IAsyncLifetime
{
    private static readonly Uri Faults = new("_control/faults", UriKind.Relative);
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task PostFault_SwitchesItOn_AndStatsShowItWithItsRemainingCount()
    {
        using var post = await _sim.Http.PostAsJsonAsync(Faults, new { endpoint = "onestop-stats", mode = "error500", count = 2 });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        using var failed = await _sim.GetAsync(TestSimulator.OneStop + "?period=2025-03");
        var stats = await _sim.GetJsonAsync("_control/stats");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var fault = Assert.Single(stats.GetProperty("faults").EnumerateArray());
        Assert.Equal("onestop-stats", fault.GetProperty("endpoint").GetString());
        Assert.Equal("error500", fault.GetProperty("mode").GetString());
        Assert.Equal(1, fault.GetProperty("remaining").GetInt32());
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("onestop-stats").GetInt64());
        Assert.Equal(1, stats.GetProperty("requests").GetProperty("token").GetInt64());
        Assert.Equal(1, stats.GetProperty("tokensIssued").GetInt64());
    }

    [Fact]
    public async Task DeleteFaults_ClearsEveryFault()
    {
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500);
        _sim.State.Faults.Set(SimEndpoints.Portal, FaultMode.Slow, delayMs: 10);

        using var response = await _sim.Http.DeleteAsync(Faults);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(_sim.State.Faults.Active);
    }

    [Fact]
    public async Task DeleteFaultsOfOneEndpoint_KeepsTheOthers()
    {
        _sim.State.Faults.Set(SimEndpoints.EOffice, FaultMode.Error500);
        _sim.State.Faults.Set(SimEndpoints.Portal, FaultMode.Error500);

        using var response = await _sim.Http.DeleteAsync(new Uri("_control/faults?endpoint=eoffice", UriKind.Relative));

        Assert.Equal(SimEndpoints.Portal, Assert.Single(_sim.State.Faults.Active).Endpoint);
    }

    [Theory]
    [InlineData("{\"endpoint\":\"eoffice\",\"mode\":\"explode\"}")]
    [InlineData("{\"endpoint\":\"nowhere\",\"mode\":\"error500\"}")]
    [InlineData("{\"endpoint\":\"portal\",\"mode\":\"expiredToken\"}")]
    [InlineData("{\"endpoint\":\"token\",\"mode\":\"emptyPage\"}")]
    [InlineData("{\"endpoint\":\"eoffice\",\"mode\":\"error500\",\"count\":0}")]
    [InlineData("not json")]
    public async Task PostFault_RejectsWhatCannotBeSwitchedOn(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _sim.Http.PostAsync(Faults, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_sim.State.Faults.Active);
    }

    [Fact]
    public async Task TruthOfAnUnknownSystem_Is404()
    {
        using var response = await _sim.Http.GetAsync(new Uri("_control/truth/payroll?period=2025-03", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Truth_IsUndisturbedByActiveFaults()
    {
        var before = await _sim.TruthAsync("onestop", "2025-03");
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.NumbersAsStrings);
        _sim.State.Faults.Set(SimEndpoints.OneStopStats, FaultMode.MissingFields);

        var during = await _sim.TruthAsync("onestop", "2025-03");

        Assert.Equal(before.Select(i => i.GetRawText()), during.Select(i => i.GetRawText()));
        Assert.All(during, i => Assert.Equal(JsonValueKind.Number, i.GetProperty("TiepNhan").ValueKind));
    }
}
