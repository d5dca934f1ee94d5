using KpiMonitor.Collector.Hosting;
using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>The collector as a long-running host: Quartz schedules, the catch-up at start, the drain loop.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ScheduledHostTests(SimulatorAndInflux env)
{
    // Once a year, so only the catch-up can make it run during the test.
    private const string Yearly = "0 0 3 1 1 ?";

    [Fact]
    public async Task FirstStart_CatchesUpOnce_AndTheDrainLoopStoresIt_ButARestartRightAfterDoesNot()
    {
        string root = Directory.CreateTempSubdirectory("kpimonitor-host-").FullName;
        CollectorHarness.CopyConfig(Path.Combine(root, "config"));
        File.WriteAllText(Path.Combine(root, "config", "sources.json"),
            TestSources.Json(env.Simulator.BaseUrl, "eoffice").Replace("0 0 * * * ?", Yearly, StringComparison.Ordinal));
        long before = env.Simulator.State.Stats.Requests(SimEndpoints.EOffice);

        using (var host = Build(root))
        {
            await host.StartAsync();
            var store = host.Services.GetRequiredService<ITimeSeriesStore>();
            int served = env.Simulator.State.Truth.EOffice(Expected.Current).Count;
            var health = host.Services.GetRequiredService<ISourceHealthStore>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            // The figures and the source's health are written one after the other: wait for both.
            while ((await store.GetLatestAsync("e_document_rate", DateTimeOffset.UtcNow, null, CancellationToken.None)).Count < served
                || !(await health.GetSourceHealthAsync(CancellationToken.None)).Any(h => h.Source == "eoffice"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the catch-up poll never reached the store in full, with the source's health");
                await Task.Delay(100);
            }

            Assert.Single(await health.GetSourceHealthAsync(CancellationToken.None), h => h.Source == "eoffice" && h.ConsecutiveFailures == 0);
            await host.StopAsync();
        }

        long afterFirst = env.Simulator.State.Stats.Requests(SimEndpoints.EOffice);
        Assert.True(afterFirst > before);
        using (var again = Build(root))
        {
            await again.StartAsync();
            await Task.Delay(2000);
            await again.StopAsync();
        }

        Assert.Equal(afterFirst, env.Simulator.State.Stats.Requests(SimEndpoints.EOffice));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    private static IHost Build(string root)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(CollectorHarness.Secrets)
        {
            ["Catalog:Directory"] = Path.Combine(root, "config"),
            ["Collector:StateDirectory"] = Path.Combine(root, "state"),
            ["Storage:Sqlite:Path"] = Path.Combine(root, "store.db"),
        });
        builder.Services.AddCollector(builder.Configuration, scheduled: true);
        return builder.Build();
    }
}
