using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Units;

public sealed class OrgTreeTests
{
    private readonly KpiMonitor.Shared.Units.OrgTree _tree = TestCatalog.Create().Units;

    [Fact]
    public void TopOn_IsTheProvince_OnAnyDay_AndNothingInAnEmptyTree()
    {
        var empty = new KpiMonitor.Shared.Units.OrgTree([], []);

        Assert.Equal(TestCatalog.Province, _tree.TopOn(new DateOnly(2025, 6, 30)));
        Assert.Equal(TestCatalog.Province, _tree.TopOn(new DateOnly(2026, 11, 1)));
        Assert.Null(empty.TopOn(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void BeforeTheReform_CommunesSitUnderTheirDistrict()
    {
        var snapshot = _tree.AsOf(new DateOnly(2025, 6, 30));

        Assert.Equal(TestCatalog.District, snapshot.ParentOf(TestCatalog.CommuneA)!.Code);
        Assert.Equal([TestCatalog.District, TestCatalog.CommuneA, TestCatalog.CommuneB], snapshot.SubtreeOf(TestCatalog.District));
        Assert.Equal(
            [TestCatalog.Province, TestCatalog.Department, TestCatalog.District, TestCatalog.CommuneA, TestCatalog.CommuneB],
            snapshot.SubtreeOf(TestCatalog.Province));
        Assert.Equal([TestCatalog.District, TestCatalog.Province], snapshot.AncestorsOf(TestCatalog.CommuneA).Select(u => u.Code));
    }

    [Fact]
    public void AfterTheReform_DistrictIsGone_AndCommunesSitUnderTheProvince()
    {
        var snapshot = _tree.AsOf(new DateOnly(2025, 7, 1));

        Assert.False(snapshot.Exists(TestCatalog.District));
        Assert.Empty(snapshot.SubtreeOf(TestCatalog.District));
        Assert.Equal(TestCatalog.Province, snapshot.ParentOf(TestCatalog.CommuneA)!.Code);
        Assert.Equal(4, snapshot.SubtreeOf(TestCatalog.Province).Count);
        Assert.Single(snapshot.Roots);
    }

    [Fact]
    public void Levels_SortInTheirConfiguredOrder_UnknownLast()
    {
        Assert.Equal(0, _tree.LevelOrder("province"));
        Assert.Equal(3, _tree.LevelOrder("commune"));
        Assert.Equal(int.MaxValue, _tree.LevelOrder("hamlet"));
    }

    [Fact]
    public void HistoricalUnits_StayFindable()
    {
        Assert.NotNull(_tree.Find(TestCatalog.District));
        Assert.Equal(new DateOnly(2025, 6, 30), _tree.Find(TestCatalog.District)!.ValidTo);
    }
}
