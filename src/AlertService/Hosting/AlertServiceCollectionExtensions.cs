using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.AlertService.Reporting;
using KpiMonitor.Logging.Telemetry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Storage;

namespace KpiMonitor.AlertService.Hosting;

/// <summary>Everything the alerting process runs: the catalogue, the store, the outbox's delivery, the alerting service, its health file, the monthly report's schedule.</summary>
public static class AlertServiceCollectionExtensions
{
    public static IServiceCollection AddAlertService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKpiCatalog(configuration);
        services.AddTimeSeriesStore(configuration);
        services.AddKpiMonitorTelemetry(configuration, "kpimonitor-alerts");
        services.AddAlertDelivery();
        services.AddAlerting(configuration);
        services.AddOptionsWithValidateOnStart<AlertServiceOptions>()
            .Bind(configuration.GetSection(AlertServiceOptions.Section))
            .ValidateDataAnnotations();
        services.AddHostedService<HealthFileWriter>();
        services.AddReportSchedule();
        return services;
    }
}
