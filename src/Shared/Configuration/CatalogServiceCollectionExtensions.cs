using KpiMonitor.Shared.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Shared.Configuration;

/// <summary>Registers the catalogue loaded from <c>config/</c>.</summary>
public static class CatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalogue as a singleton loaded from the files of <see cref="CatalogOptions"/>. Nothing is read now:
    /// the catalogue is loaded and checked at start (<see cref="StartupResolution"/>), so a bad file stops the process
    /// with every problem listed (see <see cref="ConfigValidationException"/>).
    /// </summary>
    public static IServiceCollection AddKpiCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section));
        services.AddSingleton(sp => CatalogLoader.Load(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.Resolve()));
        services.AddSingleton(sp => sp.GetRequiredService<Catalog>().Kpis);
        services.AddSingleton(sp => sp.GetRequiredService<Catalog>().Units);
        services.AddSingleton(sp => sp.GetRequiredService<Catalog>().Targets);
        services.ResolveOnStart<Catalog>();
        return services;
    }
}
