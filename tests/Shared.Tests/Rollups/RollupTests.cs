using KpiMonitor.Shared.Rollups;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Rollups;

public sealed class RollupTests
{
    private static readonly KpiMonitor.Shared.Configuration.Catalog Catalog = TestCatalog.Create();

    [Fact]
    public void Rollup_SumsNumeratorsAndDenominators_NotPercentages()
    {
        // A commune with 12 dossiers all online and one with 5,000 of which 1,000 online.
        var kpi = Catalog.Kpis.Find(TestCatalog.Ratio)!;

        var rolled = Rollup.Combine(kpi, TestCatalog.District,
            [(TestCatalog.CommuneA, null, 12, 12), (TestCatalog.CommuneB, null, 1000, 5000)]);

        double meanOfPercentages = (100.0 + 20.0) / 2;
        Assert.Equal(1012.0 / 5012.0 * 100, rolled.Value!.Value, 9);
        Assert.Equal(20.19, rolled.Value!.Value, 2);
        Assert.NotEqual(meanOfPercentages, rolled.Value!.Value, 1);
        Assert.Equal(1012, rolled.Numerator);
        Assert.Equal(5012, rolled.Denominator);
        Assert.Equal(2, rolled.Reporting);
    }

    [Fact]
    public void Rollup_OfCounts_IsTheirSum()
    {
        var kpi = Catalog.Kpis.Find(TestCatalog.Count)!;

        var rolled = Rollup.Combine(kpi, TestCatalog.District, [(TestCatalog.CommuneA, 3, null, null), (TestCatalog.CommuneB, 61, null, null)]);

        Assert.Equal(64, rolled.Value);
    }

    [Fact]
    public void Rollup_OfScores_KeepsOnlyTheUnitsOwnFigure()
    {
        var kpi = Catalog.Kpis.Find(TestCatalog.Score)!;

        var own = Rollup.Combine(kpi, TestCatalog.Province, [(TestCatalog.CommuneA, 90, null, null), (TestCatalog.Province, 71.4, null, null)]);
        var none = Rollup.Combine(kpi, TestCatalog.Province, [(TestCatalog.CommuneA, 90, null, null)]);

        Assert.Equal(71.4, own.Value);
        Assert.Null(none.Value);
        Assert.Equal(0, none.Reporting);
    }

    [Fact]
    public void Rollup_WithNoFigures_HasNoValue()
    {
        var kpi = Catalog.Kpis.Find(TestCatalog.Ratio)!;

        var rolled = Rollup.Combine(kpi, TestCatalog.District, []);

        Assert.Null(rolled.Value);
        Assert.Equal(0, rolled.Reporting);
    }
}
