using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class TruthTests : IAsyncLifetime
{
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("eoffice", TestSimulator.EOffice, "2025-03")]
    [InlineData("onestop", TestSimulator.OneStop, "2025-03")]
    [InlineData("onestop", TestSimulator.OneStop, "2026-03")]
    [InlineData("onestop-dossiers", TestSimulator.Dossiers, "2026-03")]
    public async Task TruthOverHttp_EqualsWhatTheEndpointServed(string system, string path, string period)
    {
        var served = await _sim.AllItemsAsync(path, $"period={period}", pageSize: 500);

        var truth = await _sim.TruthAsync(system, period);

        Assert.NotEmpty(truth);
        Assert.Equal(truth.Select(t => t.GetRawText()), served.Select(s => s.GetRawText()));
    }

    [Fact]
    public async Task AntiMalwareTruthOfTheCurrentMonth_EqualsWhatTheConsoleServes()
    {
        var served = await _sim.AllItemsAsync(TestSimulator.AntiMalware, "x=1", pageSize: 500);

        var truth = await _sim.TruthAsync("antimalware", "2026-03");

        Assert.Equal(truth.Select(t => t.GetRawText()), served.Select(s => s.GetRawText()));
    }

    [Fact]
    public async Task PortalTruth_EqualsWhatThePortalServed()
    {
        var served = await _sim.GetJsonAsync(TestSimulator.Portal + "?nam=2025&thang=3");

        var truth = await _sim.TruthAsync("portal", "2025-03");

        Assert.Equal(truth.Select(t => t.GetRawText()), served.GetProperty("data").EnumerateArray().Select(s => s.GetRawText()));
        Assert.Contains(truth, t => t.GetProperty("MaDonVi").GetString() == "LCU");
    }

    [Fact]
    public async Task InProcessTruth_MatchesTheServedFigures()
    {
        var period = new MonthPeriod(2025, 3);
        var eoffice = await _sim.AllItemsAsync(TestSimulator.EOffice, $"period={period}", 500);
        var onestop = await _sim.AllItemsAsync(TestSimulator.OneStop, $"period={period}", 500);

        var eofficeTruth = _sim.State.Truth.EOffice(period);
        var onestopTruth = _sim.State.Truth.OneStop(period);

        Assert.Equal(eofficeTruth.Select(t => (t.UnitCode, t.DocumentsReceived, t.DocumentsSentSigned, t.WorkFilesOnline)),
            eoffice.Select(i => (i.GetProperty("unitCode").GetString()!, i.GetProperty("documentsReceived").GetInt32(),
                i.GetProperty("documentsSentSigned").GetInt32(), i.GetProperty("workFilesOnline").GetInt32())));
        Assert.Equal(onestopTruth.Select(t => (t.MaDonVi, t.TiepNhan, t.DungHan, t.TreHan, t.ThanhToanTrucTuyen)),
            onestop.Select(i => (i.GetProperty("MaDonVi").GetString()!, i.GetProperty("TiepNhan").GetInt32(),
                i.GetProperty("DungHan").GetInt32(), i.GetProperty("TreHan").GetInt32(), i.GetProperty("ThanhToanTrucTuyen").GetInt32())));
    }

    [Fact]
    public async Task SameOptions_ServeTheSameFigures_AndAnotherSeedDoesNot()
    {
        await using var twin = await TestSimulator.StartAsync();
        await using var other = await TestSimulator.StartAsync(seed: 767);

        var mine = await _sim.AllItemsAsync(TestSimulator.OneStop, "period=2024-11", 500);
        var twins = await twin.AllItemsAsync(TestSimulator.OneStop, "period=2024-11", 500);
        var others = await other.AllItemsAsync(TestSimulator.OneStop, "period=2024-11", 500);

        Assert.Equal(mine.Select(i => i.GetRawText()), twins.Select(i => i.GetRawText()));
        Assert.NotEqual(mine.Select(i => i.GetRawText()), others.Select(i => i.GetRawText()));
    }

    [Fact]
    public async Task AntiMalwareMapping_HasOneLinePerUnit_AndLeavesTheTestLabUnmapped()
    {
        string csv = await _sim.Http.GetStringAsync(new Uri("_control/mapping/antimalware.csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("sourceCode,unitCode", lines[0]);
        Assert.Equal(_sim.State.AntiMalwareMapping.Select(m => $"{m.SourceCode},{m.UnitCode}"), lines.Skip(1));
        Assert.Equal(TestSimulator.DemoCatalog.Units.Units.Count - 1, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Equal("AM." + l.Split(',')[1], l.Split(',')[0]));
        Assert.DoesNotContain(lines, l => l.StartsWith("AM.TEST-LAB", StringComparison.Ordinal));
    }
}
