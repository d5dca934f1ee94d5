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
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        return services.AddCollectorJobs(configuration, scheduled);
    }

    /// <summary>
    /// Registers the collector's own services beside a host that registers the catalogue and the store itself (its own
    /// <see cref="AddCollector"/>, or the dashboard's demo, ADR 006). Quartz triggers and one HTTP pipeline per source
    /// are declared at registration, so sources.json (and the catalogue its units are checked against) is read now:
    /// a bad file stops the start with every problem listed.
    /// </summary>
    public static IServiceCollection AddCollectorJobs(this IServiceCollection services, IConfiguration configuration, bool scheduled)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<CollectorOptions>().Bind(configuration.GetSection(CollectorOptions.Section)).ValidateDataAnnotations();
        var options = configuration.GetSection(CollectorOptions.Section).Get<CollectorOptions>() ?? new CollectorOptions();
        var catalog = CatalogLoader.Load((configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions()).Resolve());
        var secrets = new SecretReader(configuration);
        var sources = SourceLoader.Load(new SourceLoadContext(catalog, catalog.Directory, MissedRunPolicy.Check, secrets.IsSet));
        services.AddSingleton(new SourceRegistry(sources));
        services.AddSingleton(secrets);
        services.AddSingleton<OAuth2TokenProvider>();
        services.AddSingleton<SourceHttpClient>();
        SourceHttpSetup.AddSourceClients(services, sources, options);

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
            AddSchedules(services, sources.Where(s => s.Enabled), options);
        }

        return services;
    }

    private static void AddSchedules(IServiceCollection services, IEnumerable<KpiMonitor.Shared.Sources.SourceDefinition> sources, CollectorOptions options)
    {
        services.AddHostedService<QuartzLoggingBridge>();
        services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrentSources);
            foreach (var source in sources)
            {
                var job = new JobKey(source.Code);
                q.AddJob<PollSourceJob>(job, j => j.UsingJobData(PollSourceJob.SourceKey, source.Code).StoreDurably());
                q.AddTrigger(t => t.ForJob(job).WithIdentity(source.Code + "-lich")
                    .WithCronSchedule(source.Schedule, cron => cron.InTimeZone(VietnamTime.Zone).WithMisfireHandlingInstructionDoNothing()));
            }
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddHostedService<SpoolDrainService>();
        services.AddHostedService<CatchUpService>();
    }
}
