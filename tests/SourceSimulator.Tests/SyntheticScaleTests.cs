using System.Diagnostics;
using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Units;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class SyntheticScaleTests : IAsyncLifetime
{
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync(syntheticUnits: 5000);

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData(TestSimulator.EOffice, "unitCode")]
    [InlineData(TestSimulator.OneStop, "MaDonVi")]
    public async Task FiveThousandUnits_AreServedAcrossTenPagesOf500(string path, string codeField)
    {
        var clock = Stopwatch.StartNew();

        var items = await _sim.AllItemsAsync(path, "period=2026-02", pageSize: 500);

        var codes = items.Select(i => i.GetProperty(codeField).GetString()).ToList();
        Assert.Equal(5000, codes.Count);
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => $"N.{i:D5}"), codes);
        Assert.Equal(_sim.State.Truth.OneStop(new MonthPeriod(2026, 2)).Select(t => t.MaDonVi), codes);
        Console.WriteLine($"{path}: 5,000 units in 10 pages took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void SyntheticRoster_IsAboutFifteenPercentDepartments_RestCommunes()
    {
        var units = _sim.State.Units.All;

        int departments = units.Count(u => u.Kind == UnitKind.Department);

        Assert.InRange(departments, 600, 900);
        Assert.Equal(5000 - departments, units.Count(u => u.Kind == UnitKind.Commune));
        Assert.Equal(5000, _sim.State.AntiMalwareMapping.Count);
    }
}
