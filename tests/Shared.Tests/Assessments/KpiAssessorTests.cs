using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Storage.Sqlite;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Testing;
using Microsoft.Extensions.Options;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Assessments;

/// <summary>
/// <see cref="KpiAssessor"/> over a real SQLite file, on 15 March 2026 (Vietnam): targets of the period's year, the
/// period before and a year before, the period still running, ranks of the period asked for, quarterly and yearly KPIs.
/// The score is reported quarterly and the ranking yearly here, as such KPIs are in the demo catalogue.
/// </summary>
public sealed class KpiAssessorTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static readonly Target[] Targets =
    [
        new() { Kpi = Ratio, FromYear = 2025, ToYear = 2025, Value = 80, WarningBand = 5 },
        new() { Kpi = Ratio, FromYear = 2026, ToYear = 2026, Value = 95, WarningBand = 5 },
        new() { Kpi = Score, FromYear = 2025, ToYear = 2026, Value = 70 },
        new() { Kpi = Rank, FromYear = 2025, ToYear = 2025, Value = 10 },
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("kpimonitor-assess-").FullName;
    private readonly Catalog _catalog;
    private readonly SqliteTimeSeriesStore _store;
    private readonly KpiAssessor _assessor;

    public KpiAssessorTests()
    {
        var test = Create(Targets);
        _catalog = test with
        {
            Kpis = new KpiCatalog(test.Kpis.All.Select(k => k.Code switch
            {
                Score => k with { Period = ReportingPeriod.Quarterly },
                Rank => k with { Period = ReportingPeriod.Yearly },
                _ => k,
            })),
        };
        _store = new SqliteTimeSeriesStore(Options.Create(new SqliteOptions { Path = Path.Combine(_folder, "assess.db") }), _catalog, TimeProvider.System);
        _assessor = new KpiAssessor(new KpiReader(_store, _catalog), _catalog, new ManualClock(VietnamTime.StartOf(Today).AddHours(10)));
    }

    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task PastPeriod_IsJudgedAgainstTheTargetOfItsOwnYear_NotToday()
    {
        await WriteAsync(Observation.Ratio(Ratio, Department, Month(2025, 6), 85, 100, "s"));

        var june = await AssessAsync(Ratio, Department, new DateOnly(2025, 6, 20));

        // 85 % meets 2025's 80 %; against 2026's 95 % it would be missed.
        Assert.Equal(80, june.Target!.Value);
        Assert.Equal(KpiStatus.Met, june.Status);
        Assert.Equal(80, _assessor.TargetFor(Kpi(Ratio), Unit(Department), 2025)!.Value);
        Assert.Equal(95, _assessor.TargetFor(Kpi(Ratio), Unit(Department), 2026)!.Value);
    }

    [Fact]
    public async Task Assessment_HoldsThePeriodBefore_AndTheSamePeriodAYearEarlier()
    {
        await WriteAsync(
            Observation.Scalar(Count, Department, Month(2024, 6), 5, "s"),
            Observation.Scalar(Count, Department, Month(2025, 5), 7, "s"),
            Observation.Scalar(Count, Department, Month(2025, 6), 9, "s"));

        var june = await AssessAsync(Count, Department, new DateOnly(2025, 6, 1));

        Assert.Equal((PeriodGranularity.Month, new DateOnly(2025, 6, 1)), (june.Granularity, june.Period));
        Assert.Equal((9, 7, 5), (june.Value.Value, june.Previous.Value, june.LastYear.Value));
        Assert.Equal(KpiStatus.NoTarget, june.Status);
        Assert.Null(june.Rank);
    }

    [Fact]
    public async Task InProgress_OnlyForThePeriodHoldingToday()
    {
        Assert.True((await AssessAsync(Ratio, Department, Today)).InProgress);
        Assert.False((await AssessAsync(Ratio, Department, new DateOnly(2026, 2, 28))).InProgress);
        Assert.False((await AssessAsync(Ratio, Department, new DateOnly(2025, 3, 15))).InProgress);
        // A quarterly KPI's quarter runs until March ends, whichever of its days is asked for.
        Assert.True((await AssessAsync(Score, Department, new DateOnly(2026, 1, 2))).InProgress);
    }

    [Fact]
    public async Task Children_OfAPastMonth_AreRankedByThatMonth_WithTheirMovementSinceTheMonthBefore()
    {
        // After the reform both communes sit under the province. December: B ahead; January: A ahead; March (today): B ahead.
        await WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(2025, 1), 20, 100, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2025, 12), 50, 100, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(2025, 12), 70, 100, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2026, 1), 90, 100, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(2026, 1), 60, 100, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2026, 3), 10, 100, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(2026, 3), 80, 100, "s"));

        var january = (await _assessor.ChildrenAsync(Kpi(Ratio), Unit(Province), new DateOnly(2026, 1, 31), Ct)).ToDictionary(a => a.Unit.Code);
        var march = (await _assessor.ChildrenAsync(Kpi(Ratio), Unit(Province), Today, Ct)).ToDictionary(a => a.Unit.Code);

        Assert.Equal((1, 2, 1), (january[CommuneA].Rank, january[CommuneA].PreviousRank, january[CommuneA].Movement));
        Assert.Equal((2, 1, -1), (january[CommuneB].Rank, january[CommuneB].PreviousRank, january[CommuneB].Movement));
        Assert.Equal((90, 50, 20), (january[CommuneA].Value.Value, january[CommuneA].Previous.Value, january[CommuneA].LastYear.Value));
        Assert.Equal(95, january[CommuneA].Target!.Value);
        Assert.False(january[CommuneA].InProgress);
        Assert.Equal((2, 1), (march[CommuneA].Rank, march[CommuneB].Rank));
        Assert.True(march[CommuneA].InProgress);
        // The department is alone at its level: rank 1 without a figure would be a lie, so no rank.
        Assert.Null(january[Department].Rank);
    }

    [Fact]
    public async Task Children_OfAPeriodBeforeTheReform_AreThoseOfThatPeriodsTree()
    {
        await WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(2025, 6), 30, 100, "s"),
            Observation.Ratio(Ratio, Department, Month(2025, 6), 90, 100, "s"));

        var june = await _assessor.ChildrenAsync(Kpi(Ratio), Unit(Province), new DateOnly(2025, 6, 1), Ct);

        Assert.Equal([District, Department], june.Select(a => a.Unit.Code).Order(StringComparer.Ordinal));
        var district = june.Single(a => a.Unit.Code == District);
        Assert.Equal((30, 80, KpiStatus.Missed), (district.Value.Value, district.Target!.Value, district.Status));
    }

    [Fact]
    public async Task AUnitAmongItsSiblings_IsRankedAmongThoseOfThePeriodsTree()
    {
        // June 2025: both communes under the district, B ahead. January 2026: both under the province, A ahead.
        await WriteAsync(
            Observation.Ratio(Ratio, CommuneA, Month(2025, 6), 40, 100, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(2025, 6), 60, 100, "s"),
            Observation.Ratio(Ratio, CommuneA, Month(2026, 1), 90, 100, "s"),
            Observation.Ratio(Ratio, CommuneB, Month(2026, 1), 60, 100, "s"));

        var june = await _assessor.AssessAmongSiblingsAsync(Kpi(Ratio), Unit(CommuneA), new DateOnly(2025, 6, 1), Ct);
        var january = await _assessor.AssessAmongSiblingsAsync(Kpi(Ratio), Unit(CommuneA), new DateOnly(2026, 1, 1), Ct);
        var province = await _assessor.AssessAmongSiblingsAsync(Kpi(Ratio), Unit(Province), new DateOnly(2026, 1, 1), Ct);

        Assert.Equal((40, 2), (june.Value.Value, june.Rank));
        Assert.Equal((90, 1), (january.Value.Value, january.Rank));
        Assert.Equal((75, null), (province.Value.Value, province.Rank));
    }

    [Fact]
    public async Task QuarterlyKpi_IsAssessedByQuarter()
    {
        await WriteAsync(
            Observation.Scalar(Score, Department, Month(2024, 4), 40, "s"),
            Observation.Scalar(Score, Department, Month(2025, 1), 50, "s"),
            Observation.Scalar(Score, Department, Month(2025, 4), 75, "s"));

        var q2 = await AssessAsync(Score, Department, new DateOnly(2025, 5, 10));

        Assert.Equal((PeriodGranularity.Quarter, new DateOnly(2025, 4, 1)), (q2.Granularity, q2.Period));
        Assert.Equal((75, 50, 40), (q2.Value.Value, q2.Previous.Value, q2.LastYear.Value));
        Assert.Equal(KpiStatus.Met, q2.Status);
    }

    [Fact]
    public async Task YearlyKpi_IsAssessedByYear_WithItsTargetInDirection()
    {
        await WriteAsync(
            Observation.Scalar(Rank, Department, Month(2024, 1), 12, "s"),
            Observation.Scalar(Rank, Department, Month(2025, 1), 8, "s"),
            Observation.Scalar(Rank, Department, Month(2026, 1), 9, "s"));

        var year = await AssessAsync(Rank, Department, new DateOnly(2025, 11, 20));

        Assert.Equal((PeriodGranularity.Year, new DateOnly(2025, 1, 1)), (year.Granularity, year.Period));
        Assert.Equal((8, 12, 12), (year.Value.Value, year.Previous.Value, year.LastYear.Value));
        // Rank 8 against a target of 10, lower is better: met.
        Assert.Equal(KpiStatus.Met, year.Status);
        // 2026 has no target for the ranking, so this year's rank is not judged against 2025's.
        Assert.Equal(KpiStatus.NoTarget, (await AssessAsync(Rank, Department, Today)).Status);
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static DateTimeOffset Month(int year, int month) => VietnamTime.StartOf(new DateOnly(year, month, 1));

    private KpiDefinition Kpi(string code) => _catalog.Kpis.Find(code)!;

    private KpiMonitor.Shared.Units.OrgUnit Unit(string code) => _catalog.Units.Find(code)!;

    private Task<KpiAssessment> AssessAsync(string kpi, string unit, DateOnly day) => _assessor.AssessAsync(Kpi(kpi), Unit(unit), day, Ct);

    private async Task WriteAsync(params Observation[] observations)
    {
        var result = await _store.WriteAsync(observations, Ct);
        Assert.Empty(result.Rejected);
    }
}
