using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Shared.Hosting;

/// <summary>
/// Services built from files (the catalogue, sources.json) are registered as factories, so registration reads
/// nothing; this resolves them once at start, with the settings validated at start (<see cref="ConsoleStartup.ValidateSettings"/>
/// and the host's own start), so a broken file still stops the process before it serves anything, with its own message.
/// </summary>
public static class StartupResolution
{
    /// <summary>Resolves <typeparamref name="T"/> when the settings are validated at start; what its factory throws stops the start.</summary>
    public static IServiceCollection ResolveOnStart<T>(this IServiceCollection services)
        where T : class
    {
        services.AddOptionsWithValidateOnStart<Resolved<T>>().Validate<T>((_, service) => service is not null);
        return services;
    }

    /// <summary>An empty settings class per service, only so the start-up validation has something to validate.</summary>
    private sealed class Resolved<T>;
}
