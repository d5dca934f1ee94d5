using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.SourceSimulator;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>
/// The demo: the simulated sources and the collector in the dashboard's process (ADR 006). The only code of the
/// dashboard that touches the collector's and the simulator's types.
/// </summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the simulator, the scheduled collector and the demo history. Call after the catalogue and the store.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfigurationManager configuration)
    {
        // The simulator's demo credentials, as a real deployment would set them in its environment.
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KPIMONITOR_EOFFICE_SECRET"] = SimulatorOptions.DemoClientSecret,
            ["KPIMONITOR_ONESTOP_SECRET"] = SimulatorOptions.DemoClientSecret,
            ["KPIMONITOR_ANTIMALWARE_KEY"] = SimulatorOptions.DemoApiKey,
            ["KPIMONITOR_PORTAL_PASSWORD"] = SimulatorOptions.DemoBasicPassword,
        });
        services.AddSingleton<DemoSimulatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSimulatorService>());
        services.AddCollectorJobs(configuration, scheduled: true);
        // The sources page shows the list the collector has loaded and checked, schedules and secrets included.
        services.AddSingleton(sp => new ConfiguredSources(sp.GetRequiredService<SourceRegistry>().All));
        services.AddHostedService<DemoHistoryService>();
        return services;
    }
}
