using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace KpiMonitor.Collector.Tests.Hosting;

/// <summary>
/// Registering the collector reads no file: the catalogue and sources.json are loaded at start, where a missing or
/// broken file still stops the process with its name; the Quartz jobs are declared from the loaded sources then.
/// </summary>
// In the end-to-end collection: Quartz keeps schedulers per name for the whole process, as the scheduled host tests do.
[Collection(EndToEndCollection.Name)]
public sealed class CollectorRegistrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kpimonitor-registration-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Registration_WithAMissingConfigFolder_ReadsNothing_AndTheStartNamesTheMissingFile(bool scheduled)
    {
        string missing = Path.Combine(_root, "khong-co");
        var services = new ServiceCollection().AddLogging();

        services.AddCollector(Configuration(missing), scheduled);

        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<ConfigValidationException>(() => ConsoleStartup.ValidateSettings(provider));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_WithoutSourcesJson_ReadsNothing_AndTheStartNamesSourcesJson()
    {
        string config = Path.Combine(_root, "config");
        CollectorHarness.CopyConfig(config);
        var services = new ServiceCollection().AddLogging();

        services.AddCollector(Configuration(config), scheduled: true);

        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<ConfigValidationException>(() => ConsoleStartup.ValidateSettings(provider));
        Assert.Contains(Path.Combine(config, SourceLoader.SourcesFile), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtStart_EachEnabledSource_GetsItsDurableJob_AndCronTrigger_InVietnamTime_OnAPoolOfMaxConcurrentSources()
    {
        string config = Path.Combine(_root, "config");
        CollectorHarness.CopyConfig(config);
        string json = TestSources.Json(new Uri("http://127.0.0.1:1/"), "eoffice", "portal766")
            .Replace("\"code\": \"portal766\",", "\"code\": \"portal766\", \"enabled\": false,", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(config, SourceLoader.SourcesFile), json);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(Configuration(config, ("Collector:MaxConcurrentSources", "3")));
        builder.Services.AddCollector(builder.Configuration, scheduled: true);
        builder.Services.Configure<QuartzSchedulerOptions>(s => s.InstanceName = "registration-test");
        using var host = builder.Build();
        ConsoleStartup.ValidateSettings(host.Services);

        // Only the service that declares the jobs: the scheduler must not start and poll.
        await host.Services.GetServices<IHostedService>().OfType<SourceScheduleService>().Single().StartAsync(CancellationToken.None);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var job = await scheduler.GetJobDetail(new JobKey("eoffice"));
            Assert.NotNull(job);
            Assert.True(job.Durable);
            Assert.Equal("eoffice", job.JobDataMap.GetString(PollSourceJob.SourceKey));
            var trigger = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key)));
            Assert.Equal(new TriggerKey("eoffice-lich"), trigger.Key);
            Assert.Equal("0 0 * * * ?", trigger.CronExpressionString);
            Assert.Equal(VietnamTime.Zone, trigger.TimeZone);
            Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
            Assert.Null(await scheduler.GetJobDetail(new JobKey("portal766")));
            Assert.Equal(3, (await scheduler.GetMetadata()).ThreadPoolSize);
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }

    private static IConfiguration Configuration(string config, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(CollectorHarness.Secrets)
        {
            ["Catalog:Directory"] = config,
            ["Collector:StateDirectory"] = Path.Combine(config, "..", "state"),
            ["Storage:Sqlite:Path"] = Path.Combine(config, "..", "store.db"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
