using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Units;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage;

/// <summary>
/// What every store must do. Each implementation's test class derives from this and hands out a fresh,
/// empty store per call; no store is mocked.
/// </summary>
public abstract class TimeSeriesStoreContract
{
    protected static readonly DateTimeOffset Jan = Local(2025, 1, 1);
    protected static readonly DateTimeOffset Feb = Local(2025, 2, 1);
    protected static readonly DateTimeOffset Mar = Local(2025, 3, 1);

    // A hung store must fail the test, not the whole CI run.
    protected static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected abstract Task<ITimeSeriesStore> CreateStoreAsync(Catalog catalog, CancellationToken cancellationToken);

    protected static DateTimeOffset Local(int year, int month, int day, int hour = 0) =>
        VietnamTime.StartOf(new DateOnly(year, month, day)).AddHours(hour);

    [Fact]
    public async Task Latest_ReturnsNewestFigurePerUnit_WithRatioComputedFromParts()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store,
            Observation.Ratio(Ratio, CommuneA, Jan, 10, 40, "one-stop"),
            Observation.Ratio(Ratio, CommuneA, Feb, 30, 40, "one-stop"),
            Observation.Ratio(Ratio, CommuneB, Jan, 1, 4, "one-stop"));

        var latest = await store.GetLatestAsync(Ratio, Mar, null, Ct);

        Assert.Equal([CommuneA, CommuneB], latest.Select(v => v.Unit).Order(StringComparer.Ordinal));
        var a = latest.Single(v => v.Unit == CommuneA);
        Assert.Equal(Feb, a.Time);
        Assert.Equal(30, a.Numerator);
        Assert.Equal(40, a.Denominator);
        Assert.Equal(75, a.Value!.Value, 9);
        Assert.Equal("one-stop", a.Source);
        Assert.Equal(25, latest.Single(v => v.Unit == CommuneB).Value!.Value, 9);
    }

    [Fact]
    public async Task Latest_AsOf_IgnoresLaterFigures_AndFiltersUnits()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store,
            Observation.Scalar(Count, CommuneA, Jan, 5, "one-stop"),
            Observation.Scalar(Count, CommuneA, Mar, 9, "one-stop"),
            Observation.Scalar(Count, CommuneB, Jan, 7, "one-stop"));

        var asOfFeb = await store.GetLatestAsync(Count, Feb, [CommuneA], Ct);

        var only = Assert.Single(asOfFeb);
        Assert.Equal(CommuneA, only.Unit);
        Assert.Equal(5, only.Value);
        Assert.Empty(await store.GetLatestAsync(Count, Jan.AddMinutes(-1), null, Ct));
    }

    [Fact]
    public async Task Write_SameKpiUnitAndTime_Overwrites()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store, Observation.Scalar(Score, Province, Jan, 61.5, "portal"));
        await WriteAllAsync(store, Observation.Scalar(Score, Province, Jan, 72.25, "portal-recheck"));

        var series = await store.GetSeriesAsync(Score, [Province], Jan, Feb, PeriodGranularity.Day, Ct);
        var latest = await store.GetLatestAsync(Score, Mar, null, Ct);

        Assert.Single(series);
        var only = Assert.Single(latest);
        Assert.Equal(72.25, only.Value);
        Assert.Equal("portal-recheck", only.Source);
    }

    [Fact]
    public async Task Ratio_WithZeroDenominator_IsStoredWithoutValue()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store, Observation.Ratio(Ratio, CommuneB, Jan, 0, 0, "one-stop"));

        var only = Assert.Single(await store.GetLatestAsync(Ratio, Feb, null, Ct));

        Assert.Null(only.Value);
        Assert.Equal(0, only.Denominator);
    }

    [Fact]
    public async Task Series_ByMonth_KeepsTheLastFigureOfEachMonthInVietnameseTime()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store,
            Observation.Scalar(Count, CommuneA, Local(2025, 1, 3), 1, "s"),
            Observation.Scalar(Count, CommuneA, Local(2025, 1, 31, 23), 2, "s"),
            // 00:30 on 1 February in Vietnam is still 31 January in UTC: it belongs to February.
            Observation.Scalar(Count, CommuneA, Local(2025, 2, 1).AddMinutes(30), 3, "s"),
            Observation.Scalar(Count, CommuneB, Local(2025, 3, 15), 8, "s"));

        var series = await store.GetSeriesAsync(Count, [CommuneA, CommuneB], Jan, Local(2025, 4, 1), PeriodGranularity.Month, Ct);

        Assert.Equal(
            [(new DateOnly(2025, 1, 1), CommuneA, 2.0), (new DateOnly(2025, 2, 1), CommuneA, 3.0), (new DateOnly(2025, 3, 1), CommuneB, 8.0)],
            series.Select(p => (p.Period, p.Unit, p.Value!.Value)));
        Assert.Equal(Local(2025, 1, 31, 23), series[0].Time);
    }

    [Theory]
    [InlineData(PeriodGranularity.Day, 3)]
    [InlineData(PeriodGranularity.Week, 2)]
    [InlineData(PeriodGranularity.Quarter, 1)]
    [InlineData(PeriodGranularity.Year, 1)]
    public async Task Series_OtherGranularities_OnePointPerPeriodWithData(PeriodGranularity granularity, int expected)
    {
        var store = await CreateStoreAsync(Create(), Ct);
        // Saturday 4, Sunday 5 and Monday 6 January 2025: two ISO weeks, three days, one quarter.
        await WriteAllAsync(store,
            Observation.Scalar(Count, CommuneA, Local(2025, 1, 4), 1, "s"),
            Observation.Scalar(Count, CommuneA, Local(2025, 1, 5), 2, "s"),
            Observation.Scalar(Count, CommuneA, Local(2025, 1, 6), 3, "s"));

        var series = await store.GetSeriesAsync(Count, [CommuneA], Jan, Feb, granularity, Ct);

        Assert.Equal(expected, series.Count);
        Assert.Equal(3, series[^1].Value);
    }

    [Fact]
    public async Task Write_InvalidFigures_AreRejectedWithReasons_AndTheRestIsWritten()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        Observation[] batch =
        [
            Observation.Scalar(Count, CommuneA, Jan, double.NaN, "s"),
            Observation.Scalar(Score, Province, Jan, double.PositiveInfinity, "s"),
            Observation.Scalar(Count, CommuneA, Feb, -3, "s"),
            Observation.Ratio(Ratio, CommuneA, Jan, 41, 40, "s"),
            Observation.Ratio(Ratio, "NO.SUCH.UNIT", Jan, 1, 2, "s"),
            Observation.Scalar("no_such_kpi", CommuneA, Jan, 1, "s"),
            Observation.Ratio(Ratio, CommuneB, Jan, 3, 4, "s"),
            Observation.Scalar(Count, CommuneB, Jan, 12, "s"),
        ];

        var result = await store.WriteAsync(batch, Ct);

        Assert.Equal(2, result.Written);
        Assert.Equal(6, result.Rejected.Count);
        Assert.Contains("không phải số hữu hạn", result.Rejected[0].Reason);
        Assert.Contains("không phải số hữu hạn", result.Rejected[1].Reason);
        Assert.Contains("không được âm", result.Rejected[2].Reason);
        Assert.Contains("lớn hơn mẫu số", result.Rejected[3].Reason);
        Assert.Contains("NO.SUCH.UNIT", result.Rejected[4].Reason);
        Assert.Contains("no_such_kpi", result.Rejected[5].Reason);
        Assert.Equal(75, Assert.Single(await store.GetLatestAsync(Ratio, Mar, null, Ct)).Value!.Value, 9);
        Assert.Equal(12, Assert.Single(await store.GetLatestAsync(Count, Mar, null, Ct)).Value);
    }

    [Fact]
    public async Task Codes_WithVietnameseAndSeparators_RoundTrip()
    {
        const string unit = "Xã Bản Giang, \"Tam Đường\"=1 \\ x";
        var catalog = Create();
        catalog = catalog with
        {
            Units = new OrgTree(catalog.Units.Levels, [.. catalog.Units.Units, new OrgUnit
            {
                Code = unit, NameVi = unit, Level = "commune", Parents = [new ParentLink(DateOnly.MinValue, Province)],
            }]),
        };
        var store = await CreateStoreAsync(catalog, Ct);
        await WriteAllAsync(store, Observation.Scalar(Count, unit, Jan, 4, "Hệ thống 'một cửa', \"iGate\" = v2"));

        var only = Assert.Single(await store.GetLatestAsync(Count, Feb, [unit], Ct));

        Assert.Equal(unit, only.Unit);
        Assert.Equal("Hệ thống 'một cửa', \"iGate\" = v2", only.Source);
        Assert.Single(await store.GetSeriesAsync(Count, [unit], Jan, Feb, PeriodGranularity.Month, Ct));
    }

    [Fact]
    public async Task HostileUnitCode_InAQuery_FindsNothing_AndHarmsNothing()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store, Observation.Scalar(Count, CommuneA, Jan, 4, "s"));

        Assert.Empty(await store.GetLatestAsync(Count, Feb, ["x' OR '1'='1", "a\" ; DROP DATABASE \"b", "x') OR unit <> ('"], Ct));
        Assert.Empty(await store.GetLatestAsync("late_dossiers' OR kpi =~ /.*/ --", Feb, null, Ct));
        Assert.Single(await store.GetLatestAsync(Count, Feb, null, Ct));
    }

    [Fact]
    public async Task SourceActivity_TellsNewestPeriodAndArrivalPerSourceAndUnit()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        var arrived = DateTimeOffset.UtcNow.AddMinutes(-5);
        await store.WriteAsync(
        [
            Observation.Scalar(Count, CommuneA, Jan, 1, "one-stop") with { ReceivedAt = arrived },
            Observation.Scalar(Count, CommuneA, Feb, 1, "one-stop") with { ReceivedAt = arrived },
            Observation.Ratio(Ratio, CommuneB, Jan, 1, 2, "e-office") with { ReceivedAt = arrived },
        ], Ct);

        var activity = await store.GetSourceActivityAsync(Ct);

        Assert.Equal(2, activity.Count);
        var oneStop = activity.Single(a => a.Source == "one-stop");
        Assert.Equal(CommuneA, oneStop.Unit);
        Assert.Equal(Feb, oneStop.LatestPeriod);
        Assert.Equal(arrived.ToUnixTimeMilliseconds(), oneStop.LastReceived.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task EmptyStore_AnswersEveryQueryWithNothing()
    {
        var store = await CreateStoreAsync(Create(), Ct);

        await store.PingAsync(Ct);
        Assert.Empty(await store.GetLatestAsync(Ratio, Mar, null, Ct));
        Assert.Empty(await store.GetSeriesAsync(Ratio, [CommuneA], Jan, Mar, PeriodGranularity.Month, Ct));
        Assert.Empty(await store.GetSourceActivityAsync(Ct));
    }

    [Fact]
    public async Task Rollup_ThroughTheStore_SumsPartsAndFollowsTheTreeOfEachPeriod()
    {
        var catalog = Create();
        var store = await CreateStoreAsync(catalog, Ct);
        var june = Local(2025, 6, 1);
        var july = Local(2025, 7, 1);
        await WriteAllAsync(store,
            Observation.Ratio(Ratio, CommuneA, june, 12, 12, "s"),
            Observation.Ratio(Ratio, CommuneB, june, 1000, 5000, "s"),
            Observation.Ratio(Ratio, CommuneA, july, 6, 12, "s"),
            Observation.Ratio(Ratio, CommuneB, july, 2500, 5000, "s"));
        var reader = new KpiReader(store, catalog);

        var district = await reader.GetSeriesAsync(Ratio, District, june, Local(2025, 8, 1), PeriodGranularity.Month, Ct);
        var province = await reader.GetAsync(Ratio, Province, Local(2025, 7, 15), Ct);

        Assert.Equal(1012.0 / 5012.0 * 100, district[0].Value.Value!.Value, 9);
        Assert.Null(district[1].Value.Value);
        Assert.Equal(2506.0 / 5012.0 * 100, province.Value!.Value, 9);
        Assert.Equal(2, province.Reporting);
    }

    [Fact]
    public async Task Series_WithoutUnits_ReturnsEveryUnitsLastFigurePerPeriod()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store,
            Observation.Ratio(Ratio, CommuneA, Jan, 1, 4, "s"),
            Observation.Ratio(Ratio, CommuneA, Jan.AddDays(20), 3, 4, "s"),
            Observation.Ratio(Ratio, CommuneB, Feb, 5, 10, "s"),
            Observation.Ratio(Ratio, Department, Jan, 7, 7, "s"),
            Observation.Ratio(Ratio, Department, Mar, 9, 9, "s"));

        var series = await store.GetSeriesAsync(Ratio, null, Jan, Mar, PeriodGranularity.Month, Ct);

        Assert.Equal(
            [("2025-01", CommuneA, 3.0), ("2025-01", Department, 7.0), ("2025-02", CommuneB, 5.0)],
            series.Select(p => (p.Period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), p.Unit, p.Numerator!.Value)));
    }

    [Fact]
    public async Task ChangeVersions_MoveForTheKpisWritten_AndOnlyForThem()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        Assert.Empty(await store.GetChangeVersionsAsync(Ct));

        await WriteAllAsync(store, Observation.Ratio(Ratio, CommuneA, Jan, 1, 4, "s"), Observation.Scalar(Count, CommuneA, Jan, 2, "s"));
        var first = await store.GetChangeVersionsAsync(Ct);
        await WriteAllAsync(store, Observation.Ratio(Ratio, CommuneA, Jan, 2, 4, "s"));
        var second = await store.GetChangeVersionsAsync(Ct);

        Assert.Equal([Count, Ratio], first.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(first[Ratio], second[Ratio]);
        Assert.Equal(first[Count], second[Count]);
    }

    [Fact]
    public async Task ChangeVersions_StayPut_WhenEveryFigureIsRejected()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store, Observation.Scalar(Count, CommuneA, Jan, 2, "s"));
        var before = await store.GetChangeVersionsAsync(Ct);

        var result = await store.WriteAsync([Observation.Scalar(Count, "no-such-unit", Jan, 2, "s")], Ct);

        Assert.Single(result.Rejected);
        Assert.Equal(before[Count], (await store.GetChangeVersionsAsync(Ct))[Count]);
    }

    [Fact]
    public async Task Scan_HandsEveryFigureOfTheRange_ForTheUnitsAsked()
    {
        var store = await CreateStoreAsync(Create(), Ct);
        await WriteAllAsync(store,
            Observation.Ratio(Ratio, CommuneA, Jan, 1, 4, "s"),
            Observation.Ratio(Ratio, CommuneA, Jan.AddDays(10), 2, 4, "s"),
            Observation.Ratio(Ratio, CommuneB, Feb, 0, 0, "s"),
            Observation.Ratio(Ratio, Department, Feb, 1, 2, "s"),
            Observation.Ratio(Ratio, CommuneA, Mar, 5, 5, "s"),
            Observation.Scalar(Count, CommuneA, Jan, 9, "s"));

        var all = new List<(string Unit, long TimeMs, double? Value, double? Numerator, double? Denominator)>();
        await store.ScanSeriesAsync(Ratio, null, Jan, Mar, (unit, time, value, numerator, denominator) => all.Add((unit, time, value, numerator, denominator)), Ct);
        var some = new List<string>();
        await store.ScanSeriesAsync(Ratio, [CommuneB, Department], Jan, Local(2025, 4, 1), (unit, _, _, _, _) => some.Add(unit), Ct);
        int none = 0;
        await store.ScanSeriesAsync(Ratio, [], Jan, Mar, (_, _, _, _, _) => none++, Ct);

        Assert.Equal(
            [
                (CommuneA, Jan.ToUnixTimeMilliseconds(), 25.0, 1.0, 4.0),
                (CommuneA, Jan.AddDays(10).ToUnixTimeMilliseconds(), 50.0, 2.0, 4.0),
                (CommuneB, Feb.ToUnixTimeMilliseconds(), null, 0.0, 0.0),
                (Department, Feb.ToUnixTimeMilliseconds(), 50.0, 1.0, 2.0),
            ],
            all.OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.TimeMs));
        Assert.Equal([CommuneB, Department], some.Order(StringComparer.Ordinal));
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task SourceHealth_TheNewestRunStands_WhenAnOlderRunIsRecordedAfterIt()
    {
        // Two collectors of a cluster: the one whose run started first may record it last.
        var health = (ISourceHealthStore)await CreateStoreAsync(Create(), Ct);
        var earlier = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());
        var later = earlier.AddMinutes(5);
        var newest = new SourceHealth("one-stop", later, earlier, "HTTP 503", TimeSpan.FromSeconds(1), 0, 2);

        await health.WriteSourceHealthAsync(newest, Ct);
        await health.WriteSourceHealthAsync(new SourceHealth("one-stop", earlier, earlier, null, TimeSpan.FromSeconds(3), 120, 0), Ct);

        Assert.Equal(newest, Assert.Single(await health.GetSourceHealthAsync(Ct)));

        var next = newest with { LastRun = later.AddMinutes(5), ConsecutiveFailures = 3 };
        await health.WriteSourceHealthAsync(next, Ct);
        Assert.Equal(next, Assert.Single(await health.GetSourceHealthAsync(Ct)));
    }

    private static async Task WriteAllAsync(ITimeSeriesStore store, params Observation[] observations)
    {
        var result = await store.WriteAsync(observations, Ct);
        Assert.True(result.IsComplete, string.Join("; ", result.Rejected));
        Assert.Equal(observations.Length, result.Written);
    }
}
