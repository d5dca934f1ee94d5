using System.Net;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// The demo on a real influxd that is down when the dashboard starts (InfluxDB started after the dashboard, as
/// docker-compose may): the dashboard keeps running and says the store does not answer, and the demo history is
/// written once influxd answers.
/// </summary>
public sealed class DemoStoreOutageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task DemoHistory_WaitsForAStoreThatIsDown_AndIsWrittenWhenItAnswers()
    {
        await using var influxd = await InfluxdServer.StartAsync();
        await influxd.StopAsync();
        string state = Directory.CreateTempSubdirectory("kpimonitor-demo-outage-").FullName;
        try
        {
            await using var demo = factory.WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Demo:Enabled", "true");
                builder.UseSetting("Demo:SimulatorPort", LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Demo:HistoryMonths", "3");
                builder.UseSetting("Demo:StoreRetryDelay", "00:00:00.5");
                builder.UseSetting("Storage:Influx:Url", influxd.Url.ToString());
                builder.UseSetting("Storage:Influx:MaxRetries", "1");
                builder.UseSetting("Storage:Influx:FirstRetryDelay", "00:00:00.1");
                builder.UseSetting("Collector:StateDirectory", Path.Combine(state, "collector"));
                builder.UseSetting("Rollups:Warmup:Wait", "00:00:00.1");
            });
            var client = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            // Several retries of the history go by with the store down; the dashboard is alive (200, so no orchestrator
            // restarts it) and says why.
            for (int i = 0; i < 4; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                using var live = await client.GetAsync(new Uri("/health", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                Assert.Contains("Kho dữ liệu không trả lời", await live.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            await influxd.StartAgainAsync();

            var store = demo.Services.GetRequiredService<ITimeSeriesStore>();
            var now = DateTimeOffset.UtcNow;
            var months = VietnamTime.StartOf(PeriodBucket.Floor(VietnamTime.DateOf(now), PeriodGranularity.Month).AddMonths(-2));
            IReadOnlyList<SeriesPoint> history = [];
            var patience = DateTimeOffset.UtcNow.AddSeconds(90);
            while (history.Select(p => p.Period).Distinct().Count() < 3 && DateTimeOffset.UtcNow < patience)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                try
                {
                    history = await store.GetSeriesAsync("antimalware_coverage", null, months, now, PeriodGranularity.Month, CancellationToken.None);
                }
                catch (TimeSeriesStoreException)
                {
                    // influxd is still starting
                }
            }

            Assert.Equal(3, history.Select(p => p.Period).Distinct().Count());
            Assert.Contains("Kho dữ liệu trả lời", await client.GetStringAsync(new Uri("/health", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
