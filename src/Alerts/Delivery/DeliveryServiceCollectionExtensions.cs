using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// Registers the outbox and its channels (needs <c>AlertConfig</c>, <c>IEventLog</c> and <c>TimeProvider</c> registered;
/// the <c>Catalog</c>, when registered, puts unit and KPI names and formatted values in the messages).
/// </summary>
public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Adds <see cref="OutboxNotifier"/> as the <see cref="IAlertNotifier"/>, mail, webhook and inbox channels, validated options.</summary>
    public static IServiceCollection AddAlertDelivery(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MaxBackoff >= o.InitialBackoff, "Alerts:Delivery:MaxBackoff must be at least InitialBackoff.");

        // The outbox retries; a resilience handler would multiply the attempts. No request logging: webhook URLs hold tokens.
        services.AddHttpClient(WebhookChannel.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Timeout)
            .RemoveAllLoggers();

        // The catalogue gives the names; a host without one (as before the names) still delivers, with codes.
        services.TryAddSingleton(sp => new DigestLabels(sp.GetRequiredService<AlertConfig>(), sp.GetService<Catalog>()));
        services.AddSingleton<DeliveryFailures>();
        services.AddSingleton<IDeliveryChannel, EmailChannel>();
        services.AddSingleton<IDeliveryChannel, WebhookChannel>();
        services.AddSingleton<IDeliveryChannel, InboxChannel>();
        services.AddSingleton<OutboxNotifier>();
        services.AddSingleton<IAlertNotifier>(sp => sp.GetRequiredService<OutboxNotifier>());
        return services;
    }
}
