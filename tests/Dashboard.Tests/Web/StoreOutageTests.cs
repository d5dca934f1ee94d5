using System.Net;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The production dashboard (demo off) on a real influxd that stops after the dashboard has read its figures: people
/// keep seeing them, /health says the store does not answer without getting the dashboard restarted, and a load
/// balancer keeps sending people (/health/ready).
/// </summary>
public sealed class StoreOutageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task InfluxStoppingAfterTheFirstReading_LeavesPagesWithTheirFigures_AndTheDashboardReady()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await using var dashboard = OnInflux(influxd);
        var store = dashboard.Services.GetRequiredService<ITimeSeriesStore>();
        var month = VietnamTime.StartOf(PeriodBucket.Floor(VietnamTime.DateOf(DateTimeOffset.UtcNow), PeriodGranularity.Month));
        await store.WriteAsync(
        [
            Observation.Ratio("digitization_rate", "LCU.X.BANGIANG", month, 12, 12, "test"),
            Observation.Ratio("digitization_rate", "LCU.X.NATAM", month, 1000, 5000, "test"),
        ], CancellationToken.None);
        var client = await DashboardFactory.SignInAsync(dashboard);
        Assert.Contains("20,2 %", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);

        await influxd.StopAsync();

        using var overview = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var kpi = await client.GetAsync(new Uri("/chi-tieu/digitization_rate", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("20,2 %", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, kpi.StatusCode);
        Assert.Contains("Xã Nà Tăm", await kpi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("Kho dữ liệu không trả lời", await live.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task WhatNeedsTheStoreWhileItIsDown_Is503SayingSo_ForPeopleAndForTheApi()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await using var dashboard = OnInflux(influxd);
        var client = await DashboardFactory.SignInAsync(dashboard);
        client.DefaultRequestHeaders.Add("Accept-Language", "vi");
        await influxd.StopAsync();

        // Source health and the API's latest figures are read from the store on every request, not from the rollups.
        using var sources = await client.GetAsync(new Uri("/nguon-du-lieu", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/kpis/online_dossier_rate/latest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, sources.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), sources.Headers.RetryAfter!.Delta);
        string page = await sources.Content.ReadAsStringAsync();
        Assert.Contains("Kho số liệu không trả lời nên trang này chưa hiển thị được số liệu", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain(influxd.Url.Authority, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.StartsWith("Kho số liệu không trả lời", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The dashboard of this class's factory on <paramref name="influxd"/>, failing at once when it does not answer.</summary>
    private WebApplicationFactory<AccountStore> OnInflux(InfluxdServer influxd) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Storage:Influx:Url", influxd.Url.ToString());
        builder.UseSetting("Storage:Influx:MaxRetries", "0");
    });
}
