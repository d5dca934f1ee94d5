using KpiMonitor.Collector.Auth;
using KpiMonitor.Collector.Cluster;
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
            AddSchedules(services, configuration);
        }

        return services;
    }

    private static void AddSchedules(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.AddOptions<ThreadPoolOptions>().Configure<IOptions<CollectorOptions>>((pool, collector) =>
            pool.MaxConcurrency = collector.Value.MaxConcurrentSources);
        services.AddHostedService<QuartzLoggingBridge>();
        // The mode is chosen here, from the raw setting; its values are validated at start with the rest.
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        if (cluster.Enabled)
        {
            AddClusteredSchedules(services, cluster);
            return;
        }

        services.AddQuartz();
        // Before Quartz's own service: the jobs exist when the scheduler starts and when the catch-up triggers them.
        services.AddHostedService<SourceScheduleService>();
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddHostedService<SpoolDrainService>();
        services.AddHostedService<CatchUpService>();
    }

    /// <summary>
    /// Quartz's clustered ADO.NET job store on PostgreSQL (ADR 015): every firing runs on one instance, a dead instance's
    /// firings are recovered by another, and missed times are Quartz misfires, so <see cref="CatchUpService"/> (which reads
    /// this instance's own state file) is not registered: it would catch up once per instance.
    /// </summary>
    private static void AddClusteredSchedules(IServiceCollection services, ClusterOptions cluster)
    {
        services.AddSingleton<ClusterDatabase>();
        services.ResolveOnStart<ClusterDatabase>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                if (!string.Equals(cluster.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase))
                {
                    s.InstanceId = cluster.InstanceId;
                }
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(cluster.ConnectionString!);
                store.UseSystemTextJsonSerializer();
                // The official Quartz schema, created when missing (never altered or dropped); instances starting together
                // are safe: the one that loses the race finds the other's tables.
                store.ProvisionSchema();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = cluster.CheckinInterval;
                    c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                });
            });
        });
        // A shutdown lets the firing under way finish (its points reach the spool); the scheduler starts with the host, before
        // ClusteredScheduleService below declares the jobs. A firing cut short by a crash is recovered by another instance.
        services.AddQuartzHostedService(q =>
        {
            q.WaitForJobsToComplete = true;
            q.AwaitApplicationStarted = false;
        });
        // After Quartz's own service: the scheduler has made the schema by then.
        services.AddHostedService<ClusteredScheduleService>();
        services.AddHostedService<SpoolDrainService>();
    }
}
