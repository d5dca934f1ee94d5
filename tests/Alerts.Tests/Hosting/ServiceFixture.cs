using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using Microsoft.Data.Sqlite;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// A real SQLite store over the test catalogue on 15 June 2026, 10:00 in Vietnam, the 2026 online-rate target 90 %
/// (band 5), and one target rule (<c>for</c> 1, repeat 1 h). Communes report to their own inbox and to the province's
/// mail; the province's own alerts go to its mail. Services are built over the same store, as after a restart.
/// </summary>
internal sealed class ServiceFixture : IDisposable
{
    public const string Rule = "online-target";
    public static readonly Contact CommuneInbox = new("Hộp thư cấp xã", "inbox", "commune");
    public static readonly Contact ProvinceMail = new("Văn phòng UBND tỉnh", "email", "vpub@kpi.test");

    private readonly TempSqliteStores _stores = new();
    private readonly List<AlertingService> _services = [];

    /// <param name="channels">The channels of alerts.json (none: only a recording notifier delivers).</param>
    public ServiceFixture(IReadOnlyList<ChannelDefinition>? channels = null)
    {
        Store = _stores.Create(Catalog);
        Setup = new(
            new AlertConfig
            {
                Rules =
                [
                    new AlertRule
                    {
                        Code = Rule, Kind = RuleKind.Target, Kpi = Ratio, For = 1, Repeat = TimeSpan.FromHours(1),
                        Summary = SummaryTemplate.TryParse("{unit}: {kpi} đạt {value}, mục tiêu {target} ({status}).", out _)!,
                    },
                ],
                Channels = channels ?? [],
                Operators = [new Contact("Phòng CNTT", "email", "cntt@kpi.test")],
                Recipients = [new RecipientEntry(null, "commune", [CommuneInbox]), new RecipientEntry(Province, null, [ProvinceMail])],
                Routes = [new LevelRoute("commune", NotifyUnit: true, NotifyParent: true)],
            },
            ["eoffice"]);
    }

    public Catalog Catalog { get; } = Create([new Target { Kpi = Ratio, FromYear = 2026, ToYear = 2026, Value = 90, WarningBand = 5 }]);

    public SqliteTimeSeriesStore Store { get; }

    public ManualClock Clock { get; } = new(VietnamTime.StartOf(new DateOnly(2026, 6, 15)).AddHours(10));

    public AlertingOptions Options { get; } = new();

    public AlertActions Actions => new(Store, Clock);

    public AlertEventLog Events => new(Store);

    public static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public static AlertKey Key(string unit) => new(Rule, unit, Ratio);

    public AlertingSetup Setup { get; }

    /// <summary>A service as the host builds it, over the fixture's store (or another one given).</summary>
    public AlertingService Service(
        IAlertNotifier notifier, ITimeSeriesStore? store = null, CapturingLogger<AlertingService>? logger = null, AlertingSetup? setup = null)
    {
        setup ??= Setup;
        var service = new AlertingService(
            setup,
            AlertEvaluator.Create(setup.Config, Catalog, store ?? Store, Store, setup.Sources, Clock),
            new RecipientDirectory(setup.Config, Catalog.Units),
            Events,
            Store,
            Actions,
            store ?? Store,
            notifier,
            Microsoft.Extensions.Options.Options.Create(Options),
            Clock,
            logger ?? new CapturingLogger<AlertingService>());
        _services.Add(service);
        return service;
    }

    /// <summary>A notifier that records and marks sent in the fixture's outbox.</summary>
    public RecordingNotifier Notifier(Func<Task>? atDelivery = null) => new(Store, atDelivery);

    /// <summary>Commune A far below its target (critical), commune B just below (at risk: warning).</summary>
    public Task WriteBreachesAsync() => WriteAsync(
        Observation.Ratio(Ratio, CommuneA, June, 432, 1000, "s"), Observation.Ratio(Ratio, CommuneB, June, 88, 100, "s"));

    public static DateTimeOffset June => VietnamTime.StartOf(new DateOnly(2026, 6, 1));

    public async Task WriteAsync(params Observation[] observations)
    {
        var result = await Store.WriteAsync(observations, Ct);
        Assert.Empty(result.Rejected);
    }

    /// <summary>Runs SQL on the store's file through a connection of its own (to break and mend the real store).</summary>
    public async Task ExecuteAsync(string sql)
    {
        string file = Directory.GetFiles(_stores.Folder, "*.db").Single();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>Advances the clock by the evaluation interval and polls: one scheduled evaluation.</summary>
    public async Task<bool> NextEvaluationAsync(AlertingService service)
    {
        Clock.Advance(Options.EvaluationInterval);
        return await service.PollAsync(Ct);
    }

    public void Dispose()
    {
        foreach (var service in _services)
        {
            service.Dispose();
        }

        _stores.Dispose();
    }
}
