using KpiMonitor.Shared.Periods;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.Collector.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SourceKindsEndToEndTests(SimulatorAndInflux env)
{
    private IReadOnlyCollection<string> AllUnits => env.Catalog.Units.Units.Select(u => u.Code).ToList();

    [Fact]
    public async Task EOfficeAndOneStop_LandInInfluxExactlyAsServed()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "eoffice", "onestop"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();

            Assert.True(code == 0, output);
            Expected.Same(Expected.EOffice(env.Simulator),
                await Expected.StoredAsync(harness.Store, AllUnits, "e_document_rate", "digital_signature_rate", "online_work_record_rate"));
            Expected.Same(Expected.OneStop(env.Simulator),
                await Expected.StoredAsync(harness.Store, AllUnits, "online_dossier_rate", "full_online_dossier_rate", "on_time_rate", "late_dossiers",
                    "dossiers_received", "dossiers_pending", "digitization_rate", "online_payment_rate"));
            Assert.Contains("eoffice", output);
            Assert.Contains("thành công", output);
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task DossierRecords_AreCountedIntoTheOneStopKpis()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "onestop-records"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            // A pending dossier is late once its due time has passed by the collector's clock, read during the run:
            // the figures must be those of some instant between these two.
            var before = DateTimeOffset.UtcNow;
            var (code, output) = await harness.RunOnceAsync();
            var after = DateTimeOffset.UtcNow;

            Assert.True(code == 0, output);
            var stored = await Expected.StoredAsync(harness.Store, AllUnits, "online_dossier_rate", "on_time_rate", "late_dossiers", "online_payment_rate");
            var atEnd = DossierFigures(after);
            Assert.NotEmpty(atEnd);
            Expected.Same(Expected.Differences(atEnd, stored).Count == 0 ? atEnd : DossierFigures(before), stored);
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task AntiMalware_MapsItsOwnCodes_AndReportsTheUnknownOne()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "antimalware"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var summary = await harness.PollAsync("antimalware");
            await harness.RunOnceAsync();

            Assert.True(summary.Succeeded, summary.Error);
            Assert.Contains(summary.Problems, p => p.Contains("AM.TEST-LAB", StringComparison.Ordinal) && p.Contains("orgCode", StringComparison.Ordinal));
            var truth = env.Simulator.State.Truth.AntiMalware(Expected.Current).Where(i => i.OrgCode != "AM.TEST-LAB").ToList();
            var latest = await harness.Store.GetLatestAsync("antimalware_coverage", DateTimeOffset.UtcNow, null, CancellationToken.None);
            Assert.Equal(truth.Count, latest.Count);
            foreach (var item in truth)
            {
                var stored = Assert.Single(latest, v => v.Unit == item.OrgCode["AM.".Length..]);
                Assert.Equal(item.EnrolledEndpoints, stored.Numerator);
                Assert.Equal(item.TotalEndpoints, stored.Denominator);
                Assert.Equal(VietnamTime.StartOf(MonthPeriod.Containing(item.LastSync).FirstDay), stored.Time);
            }
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task Portal766_StoresTheTotalAndEveryGroupScore()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "portal766"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();

            Assert.True(code == 0, output);
            var expected = new Dictionary<(DateOnly, string, string), (double?, double?, double?)>();
            foreach (var month in Expected.PollWindow)
            {
                foreach (var i in env.Simulator.State.Truth.Portal(month))
                {
                    expected[(month.FirstDay, i.MaDonVi, "score_766")] = (null, null, (double)i.TongScore);
                    expected[(month.FirstDay, i.MaDonVi, "score_766_ckmb")] = (null, null, (double)i.Ckmb);
                    expected[(month.FirstDay, i.MaDonVi, "score_766_mdsh")] = (null, null, (double)i.Mdsh);
                }
            }

            Expected.Same(expected, await Expected.StoredAsync(harness.Store, AllUnits, "score_766", "score_766_ckmb", "score_766_mdsh"));
        }

        harness.DeleteFolder();
    }

    [Fact]
    public async Task HttpJsonMapping_ReadsASystemWithoutCode()
    {
        var harness = CollectorHarness.Create(TestSources.Json(env.Simulator.BaseUrl, "http-json"), env.Influx.Url.ToString(), SimulatorAndInflux.NewDatabase());
        await using (harness)
        {
            var (code, output) = await harness.RunOnceAsync();

            Assert.True(code == 0, output);
            var expected = Expected.OneStop(env.Simulator).Where(e => e.Key.Kpi is "online_payment_rate" or "late_dossiers").ToDictionary();
            Expected.Same(expected, await Expected.StoredAsync(harness.Store, AllUnits, "online_payment_rate", "late_dossiers"));
        }

        harness.DeleteFolder();
    }

    /// <summary>What the collector must store from the simulator's dossier records when it reads the clock at <paramref name="now"/>.</summary>
    private Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> DossierFigures(DateTimeOffset now)
    {
        var expected = new Dictionary<(DateOnly, string, string), (double?, double?, double?)>();
        var local = VietnamTime.ToLocal(now).DateTime;
        foreach (var month in Expected.PollWindow)
        {
            var cutoff = month.LocalEnd < local ? month.LocalEnd : local;
            foreach (var unit in env.Simulator.State.Truth.OneStopDossiers(month).GroupBy(d => d.MaDonVi))
            {
                var finished = unit.Where(d => d.TrangThaiHoSo is 9 or 10).ToList();
                int onTime = finished.Count(d => string.CompareOrdinal(d.NgayKetThucXuLy, d.NgayHenTra) <= 0);
                int pendingLate = unit.Count(d => d.TrangThaiHoSo is 2 or 4 or 5 or 6 && Parse(d.NgayHenTra) < cutoff);
                expected[(month.FirstDay, unit.Key, "online_dossier_rate")] = (unit.Count(d => d.KenhThucHien == 2), unit.Count(), null);
                expected[(month.FirstDay, unit.Key, "on_time_rate")] = (onTime, finished.Count, null);
                expected[(month.FirstDay, unit.Key, "late_dossiers")] = (null, null, finished.Count - onTime + pendingLate);
                expected[(month.FirstDay, unit.Key, "online_payment_rate")] = (unit.Count(d => d.CoPhi && d.DuocThanhToanTrucTuyen), unit.Count(d => d.CoPhi), null);
            }
        }

        return expected;
    }

    private static DateTime Parse(string yyyyMMddHHmmss) =>
        DateTime.ParseExact(yyyyMMddHHmmss, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
}
