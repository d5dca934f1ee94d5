using System.Globalization;
using KpiMonitor.Collector.Auth;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Sources;
using KpiMonitor.Collector.Sources.AntiMalware;
using KpiMonitor.Collector.Sources.DropFolder;
using KpiMonitor.Collector.Sources.EOffice;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Collector.Sources.HttpJson;
using KpiMonitor.Collector.Sources.OneStop;
using KpiMonitor.Collector.Sources.Portal;
using KpiMonitor.Collector.Spool;
using KpiMonitor.Logging.Telemetry;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace KpiMonitor.Collector.Hosting;

/// <summary>Everything the collector needs, for its own host or (in the demo) inside the dashboard's.</summary>
public static class CollectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the collector in its own host: the catalogue, the store and <see cref="AddCollectorJobs"/>. With
    /// <paramref name="scheduled"/> false nothing runs by itself: the caller uses <see cref="RunOnceCommand"/>.
    /// </summary>
    public static IServiceCollection AddCollector(this IServiceCollection services, IConfiguration configuration, bool scheduled)
    {
        services.AddKpiCatalog(configuration);
        services.AddTimeSeriesStore(configuration);
        services.AddKpiMonitorTelemetry(configuration, "kpimonitor-collector");
        return services.AddCollectorJobs(configuration, scheduled);
    }

    /// <summary>
    /// Registers the collector's own services beside a host that registers the catalogue and the store itself (its own
    /// <see cref="AddCollector"/>, or the dashboard's demo, ADR 006). Nothing is read now: sources.json is loaded and
    /// checked against the catalogue when <see cref="SourceRegistry"/> is resolved at start (<see cref="StartupResolution"/>),
    /// so a bad file stops the start with every problem listed; the Quartz jobs (<see cref="SourceScheduleService"/>) and
    /// the per-source HTTP pipelines (<see cref="SourceHttpSetup"/>) are built from the registry then.
    /// </summary>
    public static IServiceCollection AddCollectorJobs(this IServiceCollection services, IConfiguration configuration, bool scheduled)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<CollectorOptions>().Bind(configuration.GetSection(CollectorOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton(new SecretReader(configuration));
        services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<Catalog>();
            var secrets = sp.GetRequiredService<SecretReader>();
            return new SourceRegistry(SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory, MissedRunPolicy.Check, secrets.IsSet)));
        });
        services.ResolveOnStart<SourceRegistry>();
        services.AddSingleton<OAuth2TokenProvider>();
        services.AddSingleton<SourceHttpClient>();
        SourceHttpSetup.AddSourceClients(services);

        services.AddSingleton<ISourceReader, EOfficeReader>();
        services.AddSingleton<ISourceReader, OneStopStatisticsReader>();
        services.AddSingleton<ISourceReader, OneStopDossiersReader>();
        services.AddSingleton<ISourceReader, AntiMalwareReader>();
        services.AddSingleton<ISourceReader, Portal766Reader>();
        services.AddSingleton<ISourceReader, HttpJsonReader>();
        services.AddSingleton<ISourceReader, DropFolderReader>();

        services.AddSingleton<ObservationSpool>();
        services.AddSingleton<DeadLetterFile>();
        services.AddSingleton<SpoolDrainer>();
        services.AddSingleton<DrainSignal>();
        services.AddSingleton<CollectorStateFile>();
        services.AddSingleton<SourceHealthWriter>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<RunOnceCommand>();
        if (scheduled)
        {
            AddSchedules(services);
        }

        return services;
    }

    private static void AddSchedules(IServiceCollection services)
    {
        services.AddHostedService<QuartzLoggingBridge>();
        services.AddQuartz();
        services.AddOptions<QuartzOptions>().Configure<IOptions<CollectorOptions>>((quartz, collector) =>
            quartz["quartz.threadPool.maxConcurrency"] = collector.Value.MaxConcurrentSources.ToString(CultureInfo.InvariantCulture));
        // Before Quartz's own service: the jobs exist when the scheduler starts and when the catch-up triggers them.
        services.AddHostedService<SourceScheduleService>();
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddHostedService<SpoolDrainService>();
        services.AddHostedService<CatchUpService>();
    }
}
