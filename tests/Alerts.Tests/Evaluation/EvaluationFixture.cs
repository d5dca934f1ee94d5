using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Evaluation;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Testing;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Evaluation;

/// <summary>
/// A real SQLite store over the test catalogue on 15 June 2026, 10:00 in Vietnam (after the reform: both communes
/// under the province), with 2026 targets: online rate 90 % (band 5), late dossiers 1,000 at most, score 70.
/// </summary>
internal sealed class EvaluationFixture : IDisposable
{
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly Uri Dashboard = new("http://kpi.test/");

    private static readonly Target[] Targets =
    [
        new() { Kpi = Ratio, FromYear = 2026, ToYear = 2026, Value = 90, WarningBand = 5 },
        new() { Kpi = Count, FromYear = 2026, ToYear = 2026, Value = 1000 },
        new() { Kpi = Score, FromYear = 2026, ToYear = 2026, Value = 70 },
    ];

    private readonly TempSqliteStores _stores = new();

    public EvaluationFixture()
    {
        Store = _stores.Create(Catalog);
    }

    public Catalog Catalog { get; } = Create(Targets);

    public SqliteTimeSeriesStore Store { get; }

    public ManualClock Clock { get; } = new(VietnamTime.StartOf(Today).AddHours(10));

    public static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public static DateTimeOffset Month(int month, int year = 2026) => VietnamTime.StartOf(new DateOnly(year, month, 1));

    public static AlertRule Rule(string code, RuleKind kind, string summary, string? kpi = Ratio) => new()
    {
        Code = code,
        Kind = kind,
        Kpi = kpi,
        Severity = kind == RuleKind.Target ? null : AlertSeverity.Warning,
        Summary = SummaryTemplate.TryParse(summary, out _)!,
    };

    public AlertEvaluator Evaluator(params AlertRule[] rules) => Evaluator(["eoffice", "onestop"], rules);

    public AlertEvaluator Evaluator(IReadOnlyCollection<string> sources, params AlertRule[] rules) => AlertEvaluator.Create(
        new AlertConfig { Rules = rules, Channels = [], Operators = [], Recipients = [], Routes = [], DashboardUrl = Dashboard },
        Catalog, Store, Store, sources, Clock);

    public async Task WriteAsync(params Observation[] observations)
    {
        var result = await Store.WriteAsync(observations, Ct);
        Assert.Empty(result.Rejected);
    }

    public static AlertCondition Find(IReadOnlyList<InstanceCondition> conditions, string rule, string unit, string kpi = Ratio) =>
        conditions.Single(c => c.Key == new AlertKey(rule, unit, kpi)).Condition;

    public void Dispose() => _stores.Dispose();
}
