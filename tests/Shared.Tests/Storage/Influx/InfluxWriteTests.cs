using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Testing;
using static KpiMonitor.Shared.Tests.Storage.Influx.InfluxTestData;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

/// <summary>How the InfluxDB store writes, beyond the shared contract, against a real influxd.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxWriteTests(InfluxFixture fixture)
{
    [Fact]
    public async Task Write_VietnameseAndSpecialCharacters_RoundTrip()
    {
        var store = fixture.CreateStore(OddCatalog(), InfluxFixture.NewDatabase());
        var observations = OddUnits.Select((u, i) => Observation.Ratio(OddKpi, u, Jan, i, 10, OddSource)).ToArray();

        var result = await store.WriteAsync(observations, Ct);
        var latest = await store.GetLatestAsync(OddKpi, Feb, null, Ct);
        var one = await store.GetLatestAsync(OddKpi, Feb, [OddUnits[5]], Ct);
        var series = await store.GetSeriesAsync(OddKpi, OddUnits, Jan, Feb, PeriodGranularity.Month, Ct);

        Assert.True(result.IsComplete);
        Assert.Equal(OddUnits.Order(StringComparer.Ordinal), latest.Select(v => v.Unit));
        Assert.All(latest, v => Assert.Equal(OddSource, v.Source));
        Assert.Equal(50, Assert.Single(one).Value!.Value, 9);
        Assert.Equal(OddUnits.Length, series.Count);
    }

    [Fact]
    public async Task Write_SameKpiUnitAndTime_FromAnotherSource_Overwrites()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase());
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 1, "one-stop")], Ct);
        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 2, "manual")], Ct);

        var only = Assert.Single(await store.GetLatestAsync(Count, Feb, null, Ct));

        Assert.Equal(2, only.Value);
        Assert.Equal("manual", only.Source);
    }

    [Fact]
    public async Task Write_SameKeyTwiceInOneCall_KeepsTheLast()
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase(), o => o.BatchSize = 1);

        var result = await store.WriteAsync(
        [
            Observation.Scalar(Count, CommuneA, Jan, 1, "s"),
            Observation.Scalar(Count, CommuneB, Jan, 5, "s"),
            Observation.Scalar(Count, CommuneA, Jan, 3, "s"),
        ], Ct);

        Assert.True(result.IsComplete);
        Assert.Equal(3, Assert.Single(await store.GetLatestAsync(Count, Feb, [CommuneA], Ct)).Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_WithGzipOnOrOff_StoresEverything(bool gzip)
    {
        var store = fixture.CreateStore(Create(), InfluxFixture.NewDatabase(), o => o.Gzip = gzip);
        var observations = Enumerable.Range(0, 20).Select(d => Observation.Scalar(Score, Province, Jan.AddDays(d), d + 0.5, "s")).ToArray();

        var result = await store.WriteAsync(observations, Ct);
        var series = await store.GetSeriesAsync(Score, [Province], Jan, Feb, PeriodGranularity.Day, Ct);

        Assert.Equal(20, result.Written);
        Assert.Equal(Enumerable.Range(0, 20).Select(d => d + 0.5), series.Select(p => p.Value!.Value));
    }

    [Fact]
    public async Task Write_SmallBatchSize_SplitsIntoManyRequests_AndStoresAll()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(fixture.Url);
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        var store = fixture.CreateStore(Create(), db, o => o.BatchSize = 7, proxy.Url);
        string[] units = [Province, Department, District, CommuneA, CommuneB];
        var observations = Enumerable.Range(0, 100).Select(i => Observation.Scalar(Count, units[i % 5], Jan.AddDays(i / 5), i, "s")).ToArray();

        var result = await store.WriteAsync(observations, Ct);
        string count = await fixture.QueryRawAsync(db, "SELECT count(\"value\") FROM \"observation\"");

        Assert.Equal(100, result.Written);
        Assert.Contains("[0,100]", count, StringComparison.Ordinal);
        // 15 batches of observations (100 ÷ 7, rounded up), one of source activity and the KPI's change mark.
        Assert.Equal(17, proxy.Requests.Count(r => r.StartsWith("POST /write", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Write_DatabaseMissing_IsCreated()
    {
        string db = InfluxFixture.NewDatabase();
        var store = fixture.CreateStore(Create(), db);

        var result = await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 4, "s")], Ct);

        Assert.Equal(1, result.Written);
        Assert.True(await fixture.DatabaseExistsAsync(db));
        Assert.Single(await store.GetLatestAsync(Count, Feb, null, Ct));
    }

    [Fact]
    public async Task Write_DatabaseMissing_AndCreationOff_ThrowsNonTransientQuotingTheServer()
    {
        string db = InfluxFixture.NewDatabase();
        var store = fixture.CreateStore(Create(), db, o => o.CreateDatabase = false);

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 4, "s")], Ct));

        Assert.False(ex.IsTransient);
        Assert.Equal(404, ex.StatusCode);
        Assert.Contains("database not found", ex.Message, StringComparison.Ordinal);
        Assert.False(await fixture.DatabaseExistsAsync(db));
    }

    [Fact]
    public async Task Write_FieldTypeConflict_ReportsDroppedAndServerMessage_KeepsGoodLines()
    {
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        // Someone else wrote "value" as a string first: InfluxDB 1.x now refuses float values in this shard.
        var (status, _) = await fixture.WriteRawAsync(db,
            $"observation,kpi={Count},unit={CommuneA} value=\"không phải số\",source=\"raw\" {Jan.ToUnixTimeMilliseconds()}\n");
        Assert.Equal(204, status);
        var store = fixture.CreateStore(Create(), db);

        var result = await store.WriteAsync(
        [
            Observation.Scalar(Count, CommuneB, Jan, 5, "s"),
            Observation.Ratio(Ratio, CommuneA, Jan, 1, 2, "s"),
            Observation.Ratio(Ratio, CommuneB, Jan, 3, 4, "s"),
        ], Ct);

        Assert.Equal(1, result.DroppedByServer);
        Assert.Equal(2, result.Written);
        Assert.False(result.IsComplete);
        Assert.Contains("field type conflict", result.ServerMessage, StringComparison.Ordinal);
        Assert.Contains("dropped=1", result.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(2, (await store.GetLatestAsync(Ratio, Feb, null, Ct)).Count);
    }

    [Fact]
    public async Task RetentionPolicy_IsUsedForWritesAndReads()
    {
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        await fixture.QueryRawAsync(null, $"CREATE RETENTION POLICY \"ngắn hạn\" ON \"{db}\" DURATION 1000w REPLICATION 1");
        var store = fixture.CreateStore(Create(), db, o => o.RetentionPolicy = "ngắn hạn");

        await store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 6, "s")], Ct);

        Assert.Equal(6, Assert.Single(await store.GetLatestAsync(Count, Feb, null, Ct)).Value);
        Assert.Single(await store.GetSourceActivityAsync(Ct));
        Assert.DoesNotContain("series", await fixture.QueryRawAsync(db, "SELECT * FROM \"autogen\".\"observation\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_UnknownRetentionPolicy_ThrowsNonTransient_WithoutRetrying()
    {
        await using var proxy = await FaultInjectingProxy.StartAsync(fixture.Url);
        string db = InfluxFixture.NewDatabase();
        await fixture.CreateDatabaseAsync(db);
        var store = fixture.CreateStore(Create(), db, o =>
        {
            o.RetentionPolicy = "không có";
            o.MaxConcurrentBatches = 1;
        }, proxy.Url);

        var ex = await Assert.ThrowsAsync<TimeSeriesStoreException>(() => store.WriteAsync([Observation.Scalar(Count, CommuneA, Jan, 6, "s")], Ct));

        Assert.False(ex.IsTransient);
        Assert.Contains("retention policy not found", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, proxy.RequestCount);
    }
}
