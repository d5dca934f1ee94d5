using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiMonitor.Dashboard.Alerting;

/// <summary>What every dashboard needs to show alerts and take operators' actions; it never evaluates (ADR 011).</summary>
public static class AlertReadingServiceCollectionExtensions
{
    /// <summary>The read model, the alert-actions writer and their validated options. Call after the store.</summary>
    public static IServiceCollection AddAlertReading(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<AlertReadingOptions>().Bind(configuration.GetSection(AlertReadingOptions.Section)).ValidateDataAnnotations();
        // The demo's alerting service registers the same two; one of each is enough.
        services.TryAddSingleton(sp => new AlertEventLog(sp.GetRequiredService<IEventLog>()));
        services.TryAddSingleton<AlertActions>();
        services.AddSingleton<AlertReader>();
        return services;
    }
}
