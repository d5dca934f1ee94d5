using KpiMonitor.Collector.Cluster;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Collector.Tests.EndToEnd;
using KpiMonitor.Shared.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace KpiMonitor.Collector.Tests.Cluster;

/// <summary>Without a connection string the collector schedules alone in memory, as before; with one, in the shared store.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ClusterRegistrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kpimonitor-cluster-registration-").FullName;

    [Fact]
    public async Task WithoutAConnectionString_TheScheduleStaysInMemory_WithTheCatchUpAtStart()
    {
        using var host = Build("ram-test");
        ConsoleStartup.ValidateSettings(host.Services);
        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var metadata = await scheduler.GetMetadata();
            Assert.False(metadata.JobStorePersistent);
            Assert.False(metadata.JobStoreClustered);
            Assert.Contains(typeof(SourceScheduleService), hosted);
            Assert.Contains(typeof(CatchUpService), hosted);
            Assert.DoesNotContain(typeof(ClusteredScheduleService), hosted);
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }

    [Fact]
    public async Task WithAConnectionString_TheScheduleIsInTheClusteredPostgresStore_AndQuartzMisfiresReplaceTheCatchUp()
    {
        string connection = await postgres.Server.CreateDatabaseAsync("registration");
        using var host = Build("cluster-test", ("Collector:Cluster:ConnectionString", connection), ("Collector:Cluster:InstanceId", "may-thu-nhat"));
        ConsoleStartup.ValidateSettings(host.Services);
        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var metadata = await scheduler.GetMetadata();
            Assert.True(metadata.JobStorePersistent);
            Assert.True(metadata.JobStoreClustered);
            Assert.Equal("may-thu-nhat", metadata.SchedulerInstanceId);
            Assert.Equal(3, metadata.ThreadPoolSize);
            Assert.Contains(typeof(ClusteredScheduleService), hosted);
            Assert.DoesNotContain(typeof(CatchUpService), hosted);
            Assert.DoesNotContain(typeof(SourceScheduleService), hosted);
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }

    [Theory]
    [InlineData("Host=;Username=kpi", "thiếu máy chủ")]
    [InlineData("Host=127.0.0.1;Khong=co;Password=bi-mat", "không phải chuỗi kết nối")]
    public void ABrokenConnectionString_StopsTheStart_NamingTheSetting_NeverThePassword(string connection, string problem)
    {
        using var host = Build("broken-test", ("Collector:Cluster:ConnectionString", connection));

        var error = Assert.Throws<OptionsValidationException>(() => ConsoleStartup.ValidateSettings(host.Services));
        string message = string.Join(' ', error.Failures);
        Assert.Contains("Collector:Cluster:ConnectionString", message, StringComparison.Ordinal);
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.DoesNotContain("bi-mat", message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private IHost Build(string schedulerName, params (string Key, string Value)[] extra)
    {
        string config = Path.Combine(_root, "config");
        CollectorHarness.CopyConfig(config);
        File.WriteAllText(Path.Combine(config, "sources.json"), TestSources.Json(new Uri("http://127.0.0.1:1/"), "eoffice"));
        var settings = new Dictionary<string, string?>(CollectorHarness.Secrets)
        {
            ["Catalog:Directory"] = config,
            ["Collector:StateDirectory"] = Path.Combine(_root, "state"),
            ["Collector:MaxConcurrentSources"] = "3",
            ["Storage:Sqlite:Path"] = Path.Combine(_root, "store.db"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        builder.Services.AddCollector(builder.Configuration, scheduled: true);
        builder.Services.Configure<QuartzSchedulerOptions>(s => s.InstanceName = schedulerName);
        return builder.Build();
    }
}
