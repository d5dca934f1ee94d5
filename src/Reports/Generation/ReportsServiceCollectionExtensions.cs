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
    /// <c>sources.json</c>).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, Func<IServiceProvider, IReadOnlyList<SourceDefinition>> sources)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new KpiReader(sp.GetRequiredService<ITimeSeriesStore>(), sp.GetRequiredService<Catalog>()));
        services.TryAddSingleton<KpiAssessor>();
        services.AddSingleton(sp => new ReportSources(sources(sp)));
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<ReportGenerator>();
        return services;
    }
}
