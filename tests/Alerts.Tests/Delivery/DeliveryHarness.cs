using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>The delivery as the alerting process registers it (<c>AddAlertDelivery</c>) over a real SQLite store.</summary>
public sealed class DeliveryHarness : IDisposable
{
    public static readonly Uri Dashboard = new("https://kpimonitor.local/");

    private readonly ServiceProvider _services;
    private readonly SqliteTimeSeriesStore _store;

    public DeliveryHarness(string databasePath, IReadOnlyList<ChannelDefinition> channels, IReadOnlyDictionary<string, string?> settings)
        : this(databasePath, channels, settings, store => store)
    {
    }

    public DeliveryHarness(
        string databasePath, IReadOnlyList<ChannelDefinition> channels, IReadOnlyDictionary<string, string?> settings, Func<IEventLog, IEventLog> log)
    {
        var catalog = TestCatalog.Create();
        _store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = databasePath }), catalog, TimeProvider.System);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Alerts:Delivery:MaxAttempts"] = "3",
                ["Alerts:Delivery:InitialBackoff"] = "00:00:00.05",
                ["Alerts:Delivery:MaxBackoff"] = "00:00:00.2",
                ["Alerts:Delivery:Timeout"] = "00:00:10",
            })
            .AddInMemoryCollection(settings)
            .Build();
        var config = new AlertConfig
        {
            Rules = [TargetRule, SourceDownRule], Channels = channels, Operators = [], Recipients = [], Routes = [], DashboardUrl = Dashboard,
        };
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(config)
            .AddSingleton(catalog)
            .AddSingleton(log(_store))
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddSingleton<ILogger<OutboxNotifier>>(Logger)
            .AddAlertDelivery()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public CapturingLogger<OutboxNotifier> Logger { get; } = new();

    public IAlertNotifier Notifier => _services.GetRequiredService<IAlertNotifier>();

    public DeliveryFailures Failures => _services.GetRequiredService<DeliveryFailures>();

    public IEventLog Store => _store;

    public static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>The sample digest's rules: a target rule on the online-dossier rate and a source-down rule.</summary>
    public static readonly AlertRule TargetRule = new()
    {
        Code = "online-target", Kind = RuleKind.Target, Kpi = TestCatalog.Ratio, Summary = SummaryTemplate.TryParse("{unit}: {kpi} {value}", out _)!,
    };

    public static readonly AlertRule SourceDownRule = new()
    {
        Code = "source-down", Kind = RuleKind.SourceDown, Severity = AlertSeverity.Critical, Summary = SummaryTemplate.TryParse("{source}", out _)!,
        SourceDown = new SourceDownSettings([], 3, null),
    };

    /// <summary>
    /// A digest of a critical target alert about Bản Giang (43.2 % against 50 %) that fired at 18:00 in Hà Nội, and a
    /// source alert (4 failures in a row, 3 allowed) that cleared.
    /// </summary>
    public static Digest SampleDigest(Contact recipient) => new(recipient,
    [
        new DigestItem(
            $"online-target/{TestCatalog.CommuneA}/online_dossier_rate/1/{recipient.Id}",
            new AlertKey("online-target", TestCatalog.CommuneA, TestCatalog.Ratio),
            NotificationKind.Firing,
            new AlertSnapshot(AlertSeverity.Critical, 43.2, 50, "Xã Bản Giang: tỷ lệ hồ sơ trực tuyến 43,2 % dưới mục tiêu 50,0 %", null),
            new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero),
            null),
        new DigestItem(
            $"source-down/@eoffice/3/{recipient.Id}",
            new AlertKey("source-down", Source: "eoffice"),
            NotificationKind.Resolved,
            new AlertSnapshot(AlertSeverity.Warning, 4, 3, "Nguồn Văn phòng điện tử không trả lời", null),
            new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 2, 4, 5, 0, TimeSpan.Zero)),
    ]);

    public void Dispose()
    {
        _services.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
