using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>Registers the alerting service (ADR 011) in the one process that evaluates.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AlertingService"/>, its hosted adapter, <see cref="AlertActions"/> and the options of section
    /// <c>Alerts</c> (validated at start). <c>alerts.json</c> and <c>sources.json</c> are read at start, not now, so a bad
    /// file stops the start with exit code 2 naming the file and path. The host registers the catalogue
    /// (<c>AddKpiCatalog</c>), the store (<see cref="ITimeSeriesStore"/>, <see cref="ISourceHealthStore"/>,
    /// <see cref="IEventLog"/>) and an <see cref="IAlertNotifier"/>; its health checks may add
    /// <see cref="AlertingHealthCheck"/> (registered here as a service).
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlertingOptions>()
            .Bind(configuration.GetSection(AlertingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => AlertingSetup.Load(sp.GetRequiredService<Catalog>()));
        services.ResolveOnStart<AlertingSetup>();
        // The delivery (AddAlertDelivery) reads the channels from the same loaded file.
        services.TryAddSingleton(sp => sp.GetRequiredService<AlertingSetup>().Config);
        services.AddSingleton(sp =>
        {
            var setup = sp.GetRequiredService<AlertingSetup>();
            var store = sp.GetRequiredService<ITimeSeriesStore>();
            return AlertEvaluator.Create(setup.Config, sp.GetRequiredService<Catalog>(), store,
                sp.GetRequiredService<ISourceHealthStore>(), setup.Sources, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new RecipientDirectory(sp.GetRequiredService<AlertingSetup>().Config, sp.GetRequiredService<Catalog>().Units));
        services.AddSingleton(sp => new AlertEventLog(sp.GetRequiredService<IEventLog>()));
        services.AddSingleton<AlertActions>();
        services.AddSingleton<AlertingService>();
        services.AddSingleton<AlertingHealthCheck>();
        services.AddHostedService<AlertingBackgroundService>();
        return services;
    }
}
