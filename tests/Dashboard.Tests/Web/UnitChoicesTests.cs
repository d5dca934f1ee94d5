using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Targets;
using KpiMonitor.Shared.Units;
using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Web;

public sealed class UnitChoicesTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    [Fact]
    public void SmallTree_IsListedWhole_ByLevelThenVietnameseName()
    {
        var catalog = TestCatalog.Create();
        var choices = new UnitChoices(catalog);

        var list = choices.For(Day, catalog.Units.Find(TestCatalog.Province)!);

        Assert.Equal([TestCatalog.Province, TestCatalog.Department, TestCatalog.CommuneA, TestCatalog.CommuneB], list.Select(u => u.Code));
    }

    [Fact]
    public void SiblingsOfALevel_AreInVietnameseOrder_NotTheFileOrderOrOrdinal()
    {
        // Listed E before Đ; Vietnamese puts Đ after D and before E, ordinal order puts it after every Latin letter.
        var units = new List<OrgUnit>
        {
            Unit("N", "Tỉnh", "province", null),
            Unit("N.X1", "Xã Em", "commune", "N"),
            Unit("N.X2", "Xã Đông", "commune", "N"),
            Unit("N.X3", "Xã Dương", "commune", "N"),
        };
        var levels = new[] { new OrgLevel("province", "Tỉnh", "Province"), new OrgLevel("commune", "Xã", "Commune") };
        var catalog = new Catalog(new KpiCatalog([]), new OrgTree(levels, units), new TargetBook([]), "(test)");

        var list = new UnitChoices(catalog).For(Day, catalog.Units.Find("N")!);

        Assert.Equal(["Tỉnh", "Xã Dương", "Xã Đông", "Xã Em"], list.Select(u => u.NameVi));
    }

    [Fact]
    public void NationalTree_ListsUpperLevels_AndOnlyTheChosenUnitsCommunes()
    {
        var catalog = Large(districts: 10, communesEach: 60);
        var choices = new UnitChoices(catalog);

        var atProvince = choices.For(Day, catalog.Units.Find("N")!);
        var atDistrict = choices.For(Day, catalog.Units.Find("N.H3")!);
        var atCommune = choices.For(Day, catalog.Units.Find("N.H7.X12")!);

        Assert.Equal(11, atProvince.Count);
        Assert.Equal(71, atDistrict.Count);
        Assert.All(atDistrict.Where(u => u.Level == "commune"), u => Assert.StartsWith("N.H3.", u.Code, StringComparison.Ordinal));
        Assert.Equal(12, atCommune.Count);
        Assert.Contains(atCommune, u => u.Code == "N.H7.X12");
    }

    [Fact]
    public void NationOfProvinces_ListsProvincesAndOnlyTheChosenProvincesUnits()
    {
        var units = new List<OrgUnit> { Unit("VN", "Toàn quốc", "nation", null) };
        for (int p = 0; p < 34; p++)
        {
            units.Add(Unit($"P{p}", $"Tỉnh {p}", "province", "VN"));
            for (int c = 0; c < 25; c++)
            {
                units.Add(Unit($"P{p}.S{c}", $"Sở {c}", "department", $"P{p}"));
            }
        }

        var levels = new[] { new OrgLevel("nation", "Toàn quốc", "Nation"), new OrgLevel("province", "Tỉnh", "Province"), new OrgLevel("department", "Sở", "Department") };
        var catalog = new Catalog(new KpiCatalog([]), new OrgTree(levels, units), new TargetBook([]), "(test)");
        var choices = new UnitChoices(catalog);

        var atNation = choices.For(Day, catalog.Units.Find("VN")!);
        var atProvince = choices.For(Day, catalog.Units.Find("P5")!);
        var atDepartment = choices.For(Day, catalog.Units.Find("P9.S3")!);

        Assert.Equal(35, atNation.Count);
        Assert.Equal(60, atProvince.Count);
        Assert.All(atProvince.Where(u => u.Level == "department"), u => Assert.StartsWith("P5.", u.Code, StringComparison.Ordinal));
        Assert.Equal(36, atDepartment.Count);
    }

    [Fact]
    public void AUnitOfAnotherPeriod_StaysSelectable()
    {
        var catalog = TestCatalog.Create();

        var list = new UnitChoices(catalog).For(Day, catalog.Units.Find(TestCatalog.District)!);

        Assert.Equal(TestCatalog.District, list[0].Code);
    }

    private static Catalog Large(int districts, int communesEach)
    {
        var units = new List<OrgUnit> { Unit("N", "Toàn quốc", "province", null) };
        for (int d = 0; d < districts; d++)
        {
            units.Add(Unit($"N.H{d}", $"Huyện {d}", "district", "N"));
            for (int c = 0; c < communesEach; c++)
            {
                units.Add(Unit($"N.H{d}.X{c}", $"Xã {d}-{c}", "commune", $"N.H{d}"));
            }
        }

        var levels = new[] { new OrgLevel("province", "Tỉnh", "Province"), new OrgLevel("district", "Huyện", "District"), new OrgLevel("commune", "Xã", "Commune") };
        return new Catalog(new KpiCatalog([]), new OrgTree(levels, units), new TargetBook([]), "(test)");
    }

    private static OrgUnit Unit(string code, string name, string level, string? parent) => new()
    {
        Code = code,
        NameVi = name,
        Level = level,
        Parents = [new ParentLink(DateOnly.MinValue, parent)],
    };
}
