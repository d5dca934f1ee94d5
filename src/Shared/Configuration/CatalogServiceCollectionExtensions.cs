using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Registers the catalogue loaded from <c>config/</c>.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Loads and validates the catalogue now, so a bad file stops the process at start with every problem
    /// listed (see <see cref="ConfigValidationException"/>), and registers it as a singleton.
    /// </summary>
    public static IServiceCollection AddKpiCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        var catalog = CatalogLoader.Load(options.Resolve());
        services.AddSingleton(catalog);
        services.AddSingleton(catalog.Kpis);
        services.AddSingleton(catalog.Units);
        services.AddSingleton(catalog.Targets);
        return services;
    }
}
