using KpiMonitor.Shared.Targets;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Targets;

public sealed class TargetBookTests
{
    [Fact]
    public void For_PrefersUnitThenLevelThenEveryone_AndRespectsYears()
    {
        var book = new TargetBook(
        [
            new Target { Kpi = "k", FromYear = 2025, ToYear = 2027, Value = 60 },
            new Target { Kpi = "k", FromYear = 2025, ToYear = 2027, Level = "commune", Value = 70 },
            new Target { Kpi = "k", FromYear = 2026, ToYear = 2026, Unit = TestCatalog.CommuneA, Value = 99 },
        ]);
        var tree = TestCatalog.Create().Units;
        var communeA = tree.Find(TestCatalog.CommuneA)!;

        Assert.Equal(70, book.For("k", communeA, 2025)!.Value);
        Assert.Equal(99, book.For("k", communeA, 2026)!.Value);
        Assert.Equal(70, book.For("k", tree.Find(TestCatalog.CommuneB)!, 2026)!.Value);
        Assert.Equal(60, book.For("k", tree.Find(TestCatalog.Department)!, 2025)!.Value);
        Assert.Null(book.For("k", communeA, 2024));
        Assert.Null(book.For("other", communeA, 2025));
    }
}
