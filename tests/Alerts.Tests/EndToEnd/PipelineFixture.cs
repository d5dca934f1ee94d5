using KpiMonitor.Shared.Configuration;
using KpiMonitor.SourceSimulator;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>One simulator of the demo province and one private influxd, shared by the alerting end-to-end tests.</summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public Catalog Catalog { get; } = CatalogLoader.Load(RepoPaths.Config);

    public SimulatorHost Simulator { get; private set; } = null!;

    public InfluxdServer Influx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Catalog = Catalog }, CancellationToken.None);
        Influx = await InfluxdServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await Influx.DisposeAsync();
    }
}
