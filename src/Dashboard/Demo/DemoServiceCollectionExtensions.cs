using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.SourceSimulator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>
/// The demo: the simulated sources and the collector in the dashboard's process (ADR 006). The only code of the
/// dashboard that touches the collector's and the simulator's types.
/// </summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the simulator, the scheduled collector, the demo history and the alerting service. Call after the catalogue and the store.</summary>
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

        // The alerting service, which production runs as its own process (ADR 011), evaluates the simulated figures
        // here. Its channels are those of config/alerts.json: a mail server that does not answer shows as a delivery
        // failure on the alerts page and in the log, retried at the next round; the inbox needs nothing.
        services.AddAlerting(configuration);
        services.TryAddSingleton(sp => sp.GetRequiredService<AlertingSetup>().Config);
        services.AddAlertDelivery();
        services.AddHealthChecks().AddCheck<AlertingHealthCheck>("canh-bao");
        return services;
    }
}
