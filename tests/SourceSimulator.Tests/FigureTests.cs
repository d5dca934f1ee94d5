using System.Globalization;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class FigureTests : IAsyncLifetime
{
    private TestSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static IEnumerable<MonthPeriod> LastTwoYears()
    {
        var period = new MonthPeriod(2024, 4);
        for (int i = 0; i < 24; i++, period = period.Next)
        {
            yield return period;
        }
    }

    [Fact]
    public void NumeratorsNeverExceedDenominators_InEveryItemOf24Months()
    {
        var truth = _sim.State.Truth;
        foreach (var period in LastTwoYears())
        {
            var eoffice = truth.EOffice(period);
            var onestop = truth.OneStop(period);
            var antimalware = truth.AntiMalware(period);
            var portal = truth.Portal(period);
            var latePending = LatePending(period);
            Assert.NotEmpty(eoffice);
            Assert.All(eoffice, e =>
            {
                Assert.InRange(e.DocumentsReceivedElectronic, 0, e.DocumentsReceived);
                Assert.InRange(e.DocumentsSentElectronic, 0, e.DocumentsSent);
                Assert.InRange(e.DocumentsSentSigned, 0, e.DocumentsSentElectronic);
                Assert.InRange(e.WorkFilesOnline, 0, e.WorkFiles);
            });
            Assert.All(onestop, o =>
            {
                Assert.InRange(o.TiepNhanTrucTuyen, 0, o.TiepNhan);
                Assert.InRange(o.ToanTrinh, 0, o.TiepNhanTrucTuyen);
                Assert.InRange(o.DaGiaiQuyet + o.DangGiaiQuyet, 0, o.TiepNhan);
                Assert.InRange(o.DungHan, 0, o.DaGiaiQuyet);
                Assert.InRange(o.SoHoa, 0, o.DaGiaiQuyet);
                Assert.InRange(o.ThanhToanTrucTuyen, 0, o.CoPhi);
                Assert.InRange(o.CoPhi, 0, o.TiepNhan);
                Assert.Equal(o.DaGiaiQuyet - o.DungHan, o.TreHan - latePending[o.MaDonVi].Count());
            });
            Assert.All(antimalware, a => Assert.InRange(a.EnrolledEndpoints, 0, a.TotalEndpoints));
            Assert.All(portal, p =>
            {
                Assert.Equal(p.Ckmb + p.Tdgq + p.Tttt + p.Clgq + p.Mdhl + p.Mdsh, p.TongScore);
                Assert.InRange(p.TongScore, 0m, 100m);
            });
        }
    }

    /// <summary>Per unit, the dossiers still in progress past their due date at period end, counted from the records as the contract says.</summary>
    private ILookup<string, bool> LatePending(MonthPeriod period)
    {
        string asOf = period == new MonthPeriod(2026, 3) ? "20260315100000" : period.Next.ToString().Replace("-", "", StringComparison.Ordinal) + "01000000";
        return _sim.State.Truth.OneStopDossiers(period)
            .Where(d => d.TrangThaiHoSo is 2 or 4 or 5 or 6 && string.CompareOrdinal(d.NgayHenTra, asOf) < 0)
            .ToLookup(d => d.MaDonVi, _ => true);
    }

    [Theory]
    [InlineData("2025-03")]
    [InlineData("2026-03")]
    public void Statistics_AreTheDossierRecordsCountedTheContractWay(string month)
    {
        var period = MonthPeriod.Parse(month);
        var records = _sim.State.Truth.OneStopDossiers(period).ToLookup(d => d.MaDonVi);
        string asOf = period == new MonthPeriod(2026, 3) ? "20260315100000" : "20250401000000";

        foreach (var stats in _sim.State.Truth.OneStop(period))
        {
            var mine = records[stats.MaDonVi].ToList();
            var finished = mine.Where(d => d.TrangThaiHoSo is 9 or 10).ToList();
            var pending = mine.Where(d => d.TrangThaiHoSo is 2 or 4 or 5 or 6).ToList();
            int onTime = finished.Count(d => string.CompareOrdinal(d.NgayKetThucXuLy, d.NgayHenTra) <= 0);
            Assert.Equal(
                new OneStopStatsItem(stats.MaDonVi, stats.TenDonVi, mine.Count, mine.Count(d => d.KenhThucHien == 2), mine.Count(d => d.ToanTrinh),
                    finished.Count, onTime, finished.Count - onTime + pending.Count(d => string.CompareOrdinal(d.NgayHenTra, asOf) < 0), pending.Count,
                    finished.Count(d => d.HoSoCoThanhPhanSoHoa), mine.Count(d => d.CoPhi), mine.Count(d => d.CoPhi && d.DuocThanhToanTrucTuyen)),
                stats);
            Assert.All(mine, d => Assert.True(string.CompareOrdinal(d.NgayTiepNhan, asOf) < 0, d.MaHoSo));
        }
    }

    [Fact]
    public void ProvinceFigures_FollowTheSeedsAndTrends()
    {
        var truth = _sim.State.Truth;
        var early = new MonthPeriod(2023, 1);
        var late = new MonthPeriod(2026, 2);

        double Online(MonthPeriod p) => Ratio(truth.OneStop(p), o => o.TiepNhanTrucTuyen, o => o.TiepNhan);
        double Coverage(MonthPeriod p) => Ratio(truth.AntiMalware(p), a => a.EnrolledEndpoints, a => a.TotalEndpoints);
        double Signed(MonthPeriod p) => Ratio(truth.EOffice(p), e => e.DocumentsSentSigned, e => e.DocumentsSentElectronic);

        Assert.InRange(Online(early), 0.45, 0.60);
        Assert.InRange(Online(late), 0.72, 0.90);
        Assert.InRange(Coverage(early), 0.40, 0.55);
        Assert.InRange(Coverage(late), 0.75, 0.97);
        Assert.InRange(Signed(early), 0.38, 0.55);
        Assert.InRange(Signed(late), 0.75, 0.97);
        Assert.InRange(Ratio(truth.OneStop(late), o => o.DungHan, o => o.DaGiaiQuyet), 0.93, 0.995);
        Assert.InRange(truth.OneStop(early).Sum(o => o.TiepNhan), 4_000, 12_000);
        Assert.All(truth.OneStop(late), o => Assert.InRange(o.TiepNhan, 5, 3_000));
    }

    [Fact]
    public void CurrentMonth_IsPartial_AndGrowsAsTimePasses_WhilePastMonthsStayPut()
    {
        var march = new MonthPeriod(2026, 3);
        var february = new MonthPeriod(2026, 2);
        int midMarch = _sim.State.Truth.OneStop(march).Sum(o => o.TiepNhan);
        int februaryBefore = _sim.State.Truth.OneStop(february).Sum(o => o.TiepNhan);

        _sim.Clock.Advance(TimeSpan.FromDays(7));

        int lateMarch = _sim.State.Truth.OneStop(march).Sum(o => o.TiepNhan);
        Assert.InRange(midMarch, 1, lateMarch - 1);
        Assert.Equal(februaryBefore, _sim.State.Truth.OneStop(february).Sum(o => o.TiepNhan));
        Assert.Empty(_sim.State.Truth.EOffice(new MonthPeriod(2026, 4)));
    }

    [Fact]
    public void AntiMalwareLastSync_FallsInTheMonthItDescribes()
    {
        var march = new MonthPeriod(2026, 3);
        var january = new MonthPeriod(2026, 1);

        Assert.All(_sim.State.Truth.AntiMalware(march), a => Assert.Equal(march, MonthPeriod.Containing(a.LastSync)));
        Assert.All(_sim.State.Truth.AntiMalware(march), a => Assert.True(a.LastSync <= TestSimulator.Start));
        Assert.All(_sim.State.Truth.AntiMalware(january), a => Assert.Equal(january, MonthPeriod.Containing(a.LastSync)));
        Assert.Equal("+07:00", _sim.State.Truth.AntiMalware(march)[0].LastSync.ToString("zzz", CultureInfo.InvariantCulture));
    }

    private static double Ratio<T>(IEnumerable<T> items, Func<T, int> numerator, Func<T, int> denominator)
    {
        var list = items.ToList();
        return (double)list.Sum(numerator) / list.Sum(denominator);
    }
}
