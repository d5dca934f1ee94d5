using KpiMonitor.Alerts.History;
using KpiMonitor.Reports.Content;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiMonitor.Reports.Generation;

/// <summary>Registers the monthly report for a host that already has the catalogue, the store and a <see cref="TimeProvider"/>.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ReportOptions"/> from the <c>Reports</c> section, validated at start; the builder and the generator.
    /// <paramref name="sources"/> gives the configured sources whose freshness the report states (the loaded
    /// <c>sources.json</c>). The summary counts the month's alerts when the host registers <see cref="AlertEventLog"/>.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, Func<IServiceProvider, IReadOnlyList<SourceDefinition>> sources)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new KpiReader(sp.GetRequiredService<ITimeSeriesStore>(), sp.GetRequiredService<Catalog>()));
        services.TryAddSingleton<KpiAssessor>();
        services.AddSingleton(sp => new ReportSources(sources(sp)));
        // The alerts of the month where the host has alerting (it registers AlertEventLog: the alerting process, the dashboard).
        services.AddSingleton(sp => new ReportAlerts(sp.GetService<AlertEventLog>()));
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<ReportGenerator>();
        return services;
    }
}
