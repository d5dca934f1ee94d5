using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>How the InfluxDB store reads, beyond the shared contract, against a real influxd.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxReadTests(InfluxFixture fixture)
{
    [Fact]
    public async Task Query_HostileCodes_FindNothing_AndHarmNothing()
    {
        string db = InfluxFixture.NewDatabase();
        string victim = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(victim);
        var store = fixture.CreateStore(Create(), db);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 4, "s"), Observation.Scalar(Count, CommuneB, Jan, 5, "s")], Ct);
        string[] hostile = ["x' OR 1=1 --", $"a\" ; DROP DATABASE \"{victim}", $"x'; DROP DATABASE \"{db}\"; --", @"P.H1.XA\' OR ''='", "x\n; DROP DATABASE \"" + victim + "\""];

        Assert.Empty(await store.GetLatestAsync(Count, Feb, hostile, Ct));
        Assert.Empty(await store.GetSeriesAsync(Count, hostile, Jan, Feb, PeriodGranularity.Month, Ct));
        foreach (string code in hostile)
        {
            Assert.Empty(await store.GetLatestAsync(code, Feb, null, Ct));
        }

        Assert.True(await fixture.DatabaseExistsAsync(victim));
        Assert.True(await fixture.DatabaseExistsAsync(db));
        Assert.Equal(2, (await store.GetLatestAsync(Count, Feb, null, Ct)).Count);
    }

    [Fact]
    public async Task Series_OfMoreThanOneChunk_IsReadWhole_WithoutSayingItWasCut()
    {
        var log = new KpiMonitor.Testing.CapturingLogger<KpiMonitor.Storage.Influx.InfluxTimeSeriesStore>();
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        var store = fixture.CreateStore(Create(), db, logger: log);
        // Units of a national tree, written as the collector stores them (the test catalogue has only a handful).
        var units = Enumerable.Range(0, 1_100).Select(u => $"P.X{u:D4}").ToList();
        var lines = Enumerable.Range(0, 12).SelectMany(m => units.Select((unit, u) =>
            $"observation,kpi={Ratio},unit={unit} numerator={(u + m) % 10},denominator=10,source=\"s\" {Jan.AddMonths(m).ToUnixTimeMilliseconds()}"));
        var (status, body) = await fixture.WriteRawAsync(db, string.Join('\n', lines));
        Assert.True(status == 204, body);

        var series = await store.GetSeriesAsync(Ratio, null, Jan, Jan.AddMonths(12), PeriodGranularity.Month, Ct);

        Assert.Equal(13_200, series.Count);
        Assert.Equal(Enumerable.Range(0, 12).SelectMany(m => units.Select((unit, u) => (Jan.AddMonths(m), unit, (u + m) % 10 * 10.0))),
            series.Select(p => (VietnamTime.StartOf(p.Period), p.Unit, Math.Round(p.Value!.Value, 9))));
        Assert.DoesNotContain(log.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task Series_ByMonth_KeepsTheLastValueOfEachMonthPerUnit()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());
        await store.WriteAsync(
        [
            Observation.Ratio(Ratio, CommuneA, Local(2025, 1, 5), 1, 10, "s"),
            Observation.Ratio(Ratio, CommuneA, Local(2025, 1, 20), 2, 10, "s"),
            Observation.Ratio(Ratio, CommuneB, Local(2025, 1, 31, 23), 3, 10, "s"),
            Observation.Ratio(Ratio, CommuneA, Local(2025, 3, 2), 4, 10, "s"),
            Observation.Ratio(Ratio, CommuneB, Local(2025, 3, 31), 5, 10, "s"),
            Observation.Ratio(Ratio, CommuneB, Local(2025, 4, 1), 9, 10, "s"),
        ], Ct);

        var series = await store.GetSeriesAsync(Ratio, [CommuneA, CommuneB], Local(2025, 1, 15), Local(2025, 4, 1), PeriodGranularity.Month, Ct);

        Assert.Equal(
        [
            (new DateOnly(2025, 1, 1), CommuneA, 20.0, Local(2025, 1, 20)),
            (new DateOnly(2025, 1, 1), CommuneB, 30.0, Local(2025, 1, 31, 23)),
            (new DateOnly(2025, 3, 1), CommuneA, 40.0, Local(2025, 3, 2)),
            (new DateOnly(2025, 3, 1), CommuneB, 50.0, Local(2025, 3, 31)),
        ], series.Select(p => (p.Period, p.Unit, Math.Round(p.Value!.Value, 9), p.Time)));
        Assert.All(series, p => Assert.Equal(10, p.Denominator));
    }

    [Fact]
    public async Task Series_ManyPeriods_SpanSeveralRequests()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());
        int[] days = [0, 49, 50, 51, 119];
        await store.WriteAsync(days.Select(d => Observation.Scalar(Count, CommuneA, Jan.AddDays(d), d, "s")).ToArray(), Ct);

        var series = await store.GetSeriesAsync(Count, [CommuneA], Jan, Jan.AddDays(120), PeriodGranularity.Day, Ct);

        Assert.Equal(days.Select(d => (double)d), series.Select(p => p.Value!.Value));
        Assert.Equal(days.Select(d => DateOnly.FromDateTime(Jan.AddDays(d).ToOffset(TimeSpan.FromHours(7)).DateTime)), series.Select(p => p.Period));
    }

    [Fact]
    public async Task Latest_ManyUnits_AreFilteredHereInsteadOfInTheQuery()
    {
        var catalog = ManyUnitsCatalog(300);
        var store = fixture.CreateStore(catalog, InfluxFixture.NewDatabase());
        await store.WriteAsync(catalog.Units.Units.Select(u => Observation.Scalar(Count, u.Code, Jan, 1, "s")).ToArray(), Ct);
        var wanted = catalog.Units.Units.Take(250).Select(u => u.Code).ToArray();

        var latest = await store.GetLatestAsync(Count, Feb, wanted, Ct);
        var series = await store.GetSeriesAsync(Count, wanted, Jan, Feb, PeriodGranularity.Month, Ct);

        Assert.Equal(wanted.Order(StringComparer.Ordinal), latest.Select(v => v.Unit));
        Assert.Equal(250, series.Count);
    }

    [Fact]
    public async Task SourceActivity_ReportsSourceUnitAndNewestPeriod_AcrossWrites()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());
        var first = DateTimeOffset.UtcNow.AddHours(-2);
        var second = first.AddHours(1);
        await store.WriteAsync(
        [
            Observation.Scalar(Count, CommuneA, Feb, 1, "one-stop") with { ReceivedAt = first },
            Observation.Ratio(Ratio, CommuneA, Jan, 1, 2, "e-office") with { ReceivedAt = first },
        ], Ct);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 1, "one-stop") with { ReceivedAt = second }], Ct);

        var activity = await store.GetSourceActivityAsync(Ct);

        Assert.Equal(
        [
            ("e-office", CommuneA, Jan, first.ToUnixTimeMilliseconds()),
            ("one-stop", CommuneA, Feb, second.ToUnixTimeMilliseconds()),
        ], activity.Select(a => (a.Source, a.Unit, a.LatestPeriod, a.LastReceived.ToUnixTimeMilliseconds())));
    }

    [Fact]
    public async Task Queries_OnAMissingDatabase_ReturnNothing()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());

        await store.PingAsync(Ct);
        Assert.Empty(await store.GetLatestAsync(Count, Feb, [CommuneA], Ct));
        Assert.Empty(await store.GetSeriesAsync(Count, [CommuneA], Jan, Jan.AddDays(120), PeriodGranularity.Day, Ct));
        Assert.Empty(await store.GetSourceActivityAsync(Ct));
    }

    [Fact]
    public async Task SourceHealth_ReturnsEachSourcesNewestRunWhole()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());
        var run1 = new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
        await store.WriteSourceHealthAsync(new SourceHealth("one-stop", run1, run1, null, TimeSpan.FromSeconds(3), 120, 0), Ct);
        await store.WriteSourceHealthAsync(new SourceHealth("one-stop", run1.AddMinutes(5), null, "HTTP 503\nlần 2", TimeSpan.FromSeconds(1), 0, 1), Ct);
        await store.WriteSourceHealthAsync(new SourceHealth("e-office", run1, run1, null, TimeSpan.FromMilliseconds(250), 7, 0), Ct);

        var health = await store.GetSourceHealthAsync(Ct);

        Assert.Equal(["e-office", "one-stop"], health.Select(h => h.Source));
        var failing = health[1];
        Assert.Equal(run1.AddMinutes(5), failing.LastRun);
        Assert.Null(failing.LastSuccess);
        Assert.Equal("HTTP 503 lần 2", failing.LastError);
        Assert.Equal(1, failing.ConsecutiveFailures);
        Assert.Equal(new SourceHealth("e-office", run1, run1, null, TimeSpan.FromMilliseconds(250), 7, 0), health[0]);
    }
}
