using KpiMonitor.Reports.Archive;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Shared.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>The scheduled monthly report in the alerting process (ADR 014): generation, archive, schedule, mail.</summary>
public static class ReportScheduleServiceCollectionExtensions
{
    public static IServiceCollection AddReportSchedule(this IServiceCollection services)
    {
        // The report states how fresh each configured source is: the same sources.json, read without the collector's secrets.
        services.AddReports(sp =>
        {
            var catalog = sp.GetRequiredService<Catalog>();
            return SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory, CheckSchedule: null, SecretIsSet: null));
        });
        services.AddReportArchive();
        services.AddOptionsWithValidateOnStart<ReportScheduleOptions>().BindConfiguration(ReportScheduleOptions.Section);
        services.AddSingleton<IValidateOptions<ReportScheduleOptions>, ReportScheduleOptionsValidator>();
        services.AddSingleton<MonthlyReportRun>();
        services.AddHostedService<QuartzLoggingBridge>();
        services.AddQuartz();
        services.AddHostedService<ReportSchedule>();
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = false);
        return services;
    }
}
