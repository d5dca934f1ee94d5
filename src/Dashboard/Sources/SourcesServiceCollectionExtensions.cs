using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Configuration;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>Registers what the sources page needs. Call after the catalogue and, in demo mode, the collector.</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddConfiguredSources(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SourceRegistry)))
        {
            // Demo mode: the collector has loaded and checked sources.json already (ADR 006).
            services.AddSingleton(sp => new ConfiguredSources(sp.GetRequiredService<SourceRegistry>().All));
        }
        else
        {
            // Production: no collector here and none of its secrets, so neither schedules nor secrets are checked;
            // a broken file still stops the start with every problem listed.
            var catalog = (Catalog)services.Single(d => d.ServiceType == typeof(Catalog)).ImplementationInstance!;
            services.AddSingleton(new ConfiguredSources(SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory, CheckSchedule: null, SecretIsSet: null))));
        }

        services.AddSingleton<SourceStatusQuery>();
        return services;
    }
}
