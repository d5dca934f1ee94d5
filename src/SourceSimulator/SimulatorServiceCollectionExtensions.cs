using KpiMonitor.Shared.Configuration;
using KpiMonitor.SourceSimulator.Units;
using Microsoft.Extensions.Options;

namespace KpiMonitor.SourceSimulator;

/// <summary>Registers the simulator's state, from configuration (standalone) or from options built in code (in-process).</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SimulatorOptions"/> from the <c>Simulator</c> section, validated at start; without
    /// <c>SyntheticUnits</c> the catalogue of <c>Catalog:Directory</c> (default <c>config/</c>) supplies the units.
    /// </summary>
    public static IServiceCollection AddSourceSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.AddSingleton(sp => CreateState(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, configuration));
        return services;
    }

    /// <summary>Registers a simulator for options built in code; throws <see cref="OptionsValidationException"/> when they are invalid.</summary>
    public static IServiceCollection AddSourceSimulator(this IServiceCollection services, SimulatorOptions options)
    {
        var result = new SimulatorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SimulatorOptions), result.Failures);
        }

        services.AddSingleton(Options.Create(options));
        services.AddSingleton(_ => CreateState(options, configuration: null));
        return services;
    }

    private static SimulatorState CreateState(SimulatorOptions options, IConfiguration? configuration)
    {
        if (options.SyntheticUnits > 0)
        {
            return new SimulatorState(options, UnitRoster.Synthetic(options.SyntheticUnits, options.Seed));
        }

        var catalog = options.Catalog;
        if (catalog is null)
        {
            var catalogOptions = configuration?.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
            catalog = CatalogLoader.Load(catalogOptions.Resolve());
        }

        return new SimulatorState(options, UnitRoster.FromCatalog(catalog, options.Seed));
    }
}
