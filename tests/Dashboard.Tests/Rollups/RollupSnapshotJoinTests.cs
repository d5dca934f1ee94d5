using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>Joining the older periods read later to a snapshot (the cache's widening) gives the snapshot read at once.</summary>
public sealed class RollupSnapshotJoinTests
{
    private static readonly DateOnly January = new(2025, 1, 1);

    [Theory]
    [InlineData(Ratio)]
    [InlineData(Count)]
    [InlineData(Rank)]
    public void Joined_EqualsTheWholeRead_ForEveryUnit(string code)
    {
        var catalog = Create();
        var kpi = catalog.Kpis.Find(code)!;
        var units = new UnitIndex(catalog.Units);
        var points = Points(catalog.Units.Units.Select(u => u.Code).ToList());

        var whole = RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(0, 6), points, 7, DateTimeOffset.UnixEpoch.AddDays(2));
        var older = RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(0, 2), points, 9, DateTimeOffset.UnixEpoch.AddDays(3));
        var newer = RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(2, 4), points, 7, DateTimeOffset.UnixEpoch.AddDays(1));

        var joined = RollupSnapshot.Join(older, newer);

        Assert.Equal(6, joined.Periods);
        Assert.Equal((7L, DateTimeOffset.UnixEpoch.AddDays(1)), (joined.Version, joined.BuiltAt));
        foreach (var unit in catalog.Units.Units)
        {
            Assert.Equal(whole.Series(unit.Code, January, January.AddMonths(5)), joined.Series(unit.Code, January, January.AddMonths(5)));
        }

        Assert.Contains(catalog.Units.Units, u => joined.Series(u.Code, January, January.AddMonths(5)).Any(p => p.Value.Reporting > 0));
    }

    [Theory]
    [InlineData(Ratio)]
    [InlineData(Count)]
    [InlineData(Rank)]
    public void Builder_TakingFiguresInAnyOrder_EqualsTheBuildFromEachPeriodsLastFigure(string code)
    {
        var catalog = Create();
        var kpi = catalog.Kpis.Find(code)!;
        var units = new UnitIndex(catalog.Units);
        var first = Points(catalog.Units.Units.Select(u => u.Code).ToList());
        var last = first.Select(p => p with { Time = p.Time.AddHours(5) }).ToList();
        // Older figures of the same periods, offered after the newest; figures outside the months and of unknown units.
        var older = first.Select(p => p with { Value = 1000, Numerator = 1, Denominator = 1000 }).ToList();
        var outside = new[] { last[0] with { Time = VietnamTime.StartOf(January.AddMonths(6)) }, last[0] with { Unit = "không-có" } };

        var builder = RollupSnapshot.Begin(kpi, PeriodGranularity.Month, catalog, units, Months(0, 6), 3, DateTimeOffset.UnixEpoch);
        foreach (var point in last.AsEnumerable().Reverse().Concat(older).Concat(outside))
        {
            builder.Offer(point.Unit, point.Time.ToUnixTimeMilliseconds(), point.Value, point.Numerator, point.Denominator);
        }

        var built = builder.Finish();
        var expected = RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(0, 6), last, 3, DateTimeOffset.UnixEpoch);

        Assert.Equal(2 * last.Count + 2, builder.Rows);
        foreach (var unit in catalog.Units.Units)
        {
            Assert.Equal(expected.Series(unit.Code, January, January.AddMonths(5)), built.Series(unit.Code, January, January.AddMonths(5)));
        }

        Assert.Throws<InvalidOperationException>(() => builder.Offer(last[0].Unit, last[0].Time.ToUnixTimeMilliseconds(), 1, 1, 1));
    }

    [Theory]
    [InlineData(Rank, KpiKind.Ratio)]
    [InlineData(Ratio, KpiKind.Score)]
    public void SnapshotFile_OfAKpiWhoseKindChanged_IsNotRead(string code, KpiKind other)
    {
        // A rank keeps no parts and a ratio does: read with the other kind, the values would be taken from the parts' bytes.
        var catalog = Create();
        var kpi = catalog.Kpis.Find(code)!;
        var units = new UnitIndex(catalog.Units);
        var snapshot = RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(0, 6), Points(catalog.Units.Units.Select(u => u.Code).ToList()), 3, DateTimeOffset.UnixEpoch);
        using var file = new MemoryStream();
        snapshot.WriteTo(file);

        file.Position = 0;
        Assert.Null(RollupSnapshot.ReadFrom(file, kpi with { Kind = other }, units));
        file.Position = 0;
        var same = RollupSnapshot.ReadFrom(file, kpi, units);
        Assert.NotNull(same);
        Assert.Equal(snapshot.Series(CommuneA, January, January.AddMonths(5)), same.Series(CommuneA, January, January.AddMonths(5)));
    }

    [Fact]
    public void AGapOrAnOverlap_IsRefused()
    {
        var catalog = Create();
        var kpi = catalog.Kpis.Find(Ratio)!;
        var units = new UnitIndex(catalog.Units);
        RollupSnapshot Snapshot(int from, int count) => RollupSnapshot.Build(kpi, PeriodGranularity.Month, catalog, units, Months(from, count), [], 1, DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentException>(() => RollupSnapshot.Join(Snapshot(0, 2), Snapshot(3, 2)));
        Assert.Throws<ArgumentException>(() => RollupSnapshot.Join(Snapshot(0, 3), Snapshot(2, 2)));
        Assert.Throws<ArgumentException>(() => RollupSnapshot.Join(Snapshot(2, 2), Snapshot(0, 2)));
    }

    private static List<PeriodBucket> Months(int from, int count) =>
        [.. PeriodBucket.Between(VietnamTime.StartOf(January.AddMonths(from)), VietnamTime.StartOf(January.AddMonths(from + count)), PeriodGranularity.Month)];

    /// <summary>A figure for every unit in most months, different from unit to unit and month to month.</summary>
    private static List<SeriesPoint> Points(List<string> units) =>
        [.. Enumerable.Range(0, 6).SelectMany(m => units.Select((unit, u) => (m, unit, u)))
            .Where(x => (x.m + x.u) % 5 != 0)
            .Select(x => new SeriesPoint(January.AddMonths(x.m), x.unit, VietnamTime.StartOf(January.AddMonths(x.m)), x.m + x.u, x.m + x.u + 1, 10 + x.u))];
}
