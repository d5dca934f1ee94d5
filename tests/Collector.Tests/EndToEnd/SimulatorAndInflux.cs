using KpiMonitor.Shared.Configuration;
using KpiMonitor.SourceSimulator;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>
/// One simulator of the demo province and one private influxd, shared by the end-to-end classes. The simulator's
/// clock stands still at the fixture's start: the current month's counts grow with the clock, and a test compares
/// what the collector stored with what the simulator says it served, so both must be of one instant.
/// </summary>
public sealed class SimulatorAndInflux : IAsyncLifetime
{
    public Catalog Catalog { get; } = CatalogLoader.Load(RepoPaths.Config);

    public SimulatorHost Simulator { get; private set; } = null!;

    public InfluxdServer Influx { get; private set; } = null!;

    public static string NewDatabase() => $"c_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Catalog = Catalog, Now = new ManualClock(DateTimeOffset.UtcNow) }, CancellationToken.None);
        Influx = await InfluxdServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await Influx.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<SimulatorAndInflux>
{
    public const string Name = "simulator and influxd";
}
