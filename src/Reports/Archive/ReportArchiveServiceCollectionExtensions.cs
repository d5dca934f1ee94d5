using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Reports.Archive;

/// <summary>Registers the report archive for a host that already has the catalogue.</summary>
public static class ReportArchiveServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ReportArchiveOptions"/> from the <c>Reports</c> section, validated at start, the <see cref="ReportArchive"/> and the
    /// <see cref="ReportProducer"/> (which needs <c>AddReports</c>).
    /// </summary>
    public static IServiceCollection AddReportArchive(this IServiceCollection services)
    {
        services.AddOptions<ReportArchiveOptions>().BindConfiguration(ReportArchiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<ReportProducer>();
        return services;
    }
}
