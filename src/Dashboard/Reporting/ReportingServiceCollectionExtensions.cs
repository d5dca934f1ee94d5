using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Reports.Archive;
using KpiMonitor.Reports.Generation;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>The monthly report on the dashboard: generation, the archive, the on-demand queue and its worker.</summary>
public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReportPage(this IServiceCollection services)
    {
        services.AddReports(sp => sp.GetRequiredService<ConfiguredSources>().All);
        services.AddReportArchive();
        services.AddOptionsWithValidateOnStart<ReportQueueOptions>().BindConfiguration(ReportQueueOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<SharedReportRuns>();
        services.AddHostedService<ReportRunPublisher>();
        services.AddSingleton<ReportQueue>();
        services.AddHostedService<ReportQueueWorker>();
        return services;
    }
}
