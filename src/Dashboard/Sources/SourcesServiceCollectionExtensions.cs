using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiMonitor.Dashboard.Sources;

/// <summary>Registers what the sources page needs. Call after the catalogue and, in demo mode, after <c>AddDemo</c>.</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddConfiguredSources(this IServiceCollection services)
    {
        // No collector here and none of its secrets, so neither schedules nor secrets are checked; a broken file still
        // stops the start with every problem listed. The demo registers the collector's own list first (ADR 006).
        services.TryAddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<Catalog>();
            return new ConfiguredSources(SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory, CheckSchedule: null, SecretIsSet: null)));
        });
        services.ResolveOnStart<ConfiguredSources>();
        services.AddSingleton<SourceStatusQuery>();
        return services;
    }
}
