using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Hosting;
using KpiMonitor.Storage;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// <see cref="AlertingServiceCollectionExtensions.AddAlerting"/> with the catalogue and the SQLite store as a host registers
/// them: the repository's config/ starts; a bad alerts.json or interval stops the start (exit code 2) naming what is wrong.
/// </summary>
public sealed class AddAlertingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-alerting-").FullName;

    [Fact]
    public async Task RepositoryConfig_Starts_AndTheServiceEvaluates()
    {
        using var services = Build(RepoPaths.Config);

        ConsoleStartup.ValidateSettings(services);

        var service = services.GetRequiredService<AlertingService>();
        Assert.True(await service.PollAsync(CancellationToken.None));
        Assert.Null(service.Status.LastError);
        Assert.Contains(services.GetServices<IHostedService>(), s => s is AlertingBackgroundService);
        Assert.IsType<OutboxNotifier>(services.GetRequiredService<KpiMonitor.Alerts.Notifications.IAlertNotifier>());
    }

    [Fact]
    public async Task BadAlertsFile_StopsTheStart_NamingTheFileAndPath()
    {
        string config = CopyConfig();
        string alerts = Path.Combine(config, AlertConfigFile);
        File.WriteAllText(alerts, File.ReadAllText(alerts).Replace(
            "\"code\": \"online-dossier-target\", \"kind\": \"target\", \"kpi\": \"online_dossier_rate\"",
            "\"code\": \"online-dossier-target\", \"kind\": \"target\", \"kpi\": \"no_such_kpi\"", StringComparison.Ordinal));

        // Registration read nothing: the file is only read when the start-up checks run.
        using var services = Build(config);
        var error = Assert.Throws<ConfigValidationException>(() => ConsoleStartup.ValidateSettings(services));

        Assert.Contains(alerts, error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_kpi", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConsoleStartup.ConfigurationError, await ConsoleStartup.RunAsync(() =>
        {
            ConsoleStartup.ValidateSettings(services);
            return Task.FromResult(0);
        }));
    }

    [Fact]
    public void EvaluationIntervalTooShort_StopsTheStart()
    {
        using var services = Build(RepoPaths.Config, new() { ["Alerts:EvaluationInterval"] = "00:00:01" });

        var error = Assert.Throws<OptionsValidationException>(() => ConsoleStartup.ValidateSettings(services));

        Assert.Contains("Alerts:EvaluationInterval", error.Message, StringComparison.Ordinal);
    }

    private const string AlertConfigFile = "alerts.json";

    private ServiceProvider Build(string config, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Catalog:Directory"] = config,
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, $"{Guid.NewGuid():N}.db"),
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddKpiCatalog(configuration)
            .AddTimeSeriesStore(configuration)
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertDelivery()
            .AddAlerting(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private string CopyConfig()
    {
        string target = Path.Combine(_folder, "config");
        foreach (string file in Directory.GetFiles(RepoPaths.Config, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(RepoPaths.Config, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
