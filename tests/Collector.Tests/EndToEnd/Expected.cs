using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using KpiMonitor.SourceSimulator;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.Collector.Tests.EndToEnd;

/// <summary>What the store must hold after a poll, computed here from the simulator's own record of what it served.</summary>
public static class Expected
{
    public static MonthPeriod Current => MonthPeriod.Containing(DateTimeOffset.UtcNow);

    public static IReadOnlyList<MonthPeriod> PollWindow => [Current.Previous, Current];

    public static Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> EOffice(SimulatorHost sim)
    {
        var result = new Dictionary<(DateOnly, string, string), (double?, double?, double?)>();
        foreach (var month in PollWindow)
        {
            foreach (var i in sim.State.Truth.EOffice(month))
            {
                result[(month.FirstDay, i.UnitCode, "e_document_rate")] = (i.DocumentsReceivedElectronic + i.DocumentsSentElectronic, i.DocumentsReceived + i.DocumentsSent, null);
                result[(month.FirstDay, i.UnitCode, "digital_signature_rate")] = (i.DocumentsSentSigned, i.DocumentsSentElectronic, null);
                result[(month.FirstDay, i.UnitCode, "online_work_record_rate")] = (i.WorkFilesOnline, i.WorkFiles, null);
            }
        }

        return result;
    }

    public static Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> OneStop(SimulatorHost sim)
    {
        var result = new Dictionary<(DateOnly, string, string), (double?, double?, double?)>();
        foreach (var month in PollWindow)
        {
            foreach (var i in sim.State.Truth.OneStop(month))
            {
                result[(month.FirstDay, i.MaDonVi, "online_dossier_rate")] = (i.TiepNhanTrucTuyen, i.TiepNhan, null);
                result[(month.FirstDay, i.MaDonVi, "full_online_dossier_rate")] = (i.ToanTrinh, i.TiepNhan, null);
                result[(month.FirstDay, i.MaDonVi, "on_time_rate")] = (i.DungHan, i.DaGiaiQuyet, null);
                result[(month.FirstDay, i.MaDonVi, "late_dossiers")] = (null, null, i.TreHan);
                result[(month.FirstDay, i.MaDonVi, "dossiers_received")] = (null, null, i.TiepNhan);
                result[(month.FirstDay, i.MaDonVi, "dossiers_pending")] = (null, null, i.DangGiaiQuyet);
                result[(month.FirstDay, i.MaDonVi, "digitization_rate")] = (i.SoHoa, i.DaGiaiQuyet, null);
                result[(month.FirstDay, i.MaDonVi, "online_payment_rate")] = (i.ThanhToanTrucTuyen, i.CoPhi, null);
            }
        }

        return result;
    }

    /// <summary>Reads back every (month, unit, kpi) of the poll window for the given KPIs.</summary>
    public static async Task<Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)>> StoredAsync(
        ITimeSeriesStore store, IReadOnlyCollection<string> units, params string[] kpis)
    {
        var result = new Dictionary<(DateOnly, string, string), (double?, double?, double?)>();
        var from = VietnamTime.StartOf(PollWindow[0].FirstDay);
        var to = VietnamTime.StartOf(Current.Next.FirstDay);
        foreach (string kpi in kpis)
        {
            foreach (var p in await store.GetSeriesAsync(kpi, units, from, to, PeriodGranularity.Month, CancellationToken.None))
            {
                result[(p.Period, p.Unit, kpi)] = p.Numerator is null ? (null, null, p.Value) : (p.Numerator, p.Denominator, null);
            }
        }

        return result;
    }

    /// <summary>Asserts that the store holds exactly the expected figures (no more, no fewer, same values).</summary>
    public static void Same(
        Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> expected,
        Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> stored)
    {
        Assert.NotEmpty(expected);
        var differences = Differences(expected, stored);
        Assert.True(differences.Count == 0, string.Join("; ", differences));
    }

    /// <summary>Up to fifteen figures missing, extra or different, each described; empty when the store holds exactly the expected ones.</summary>
    public static IReadOnlyList<string> Differences(
        Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> expected,
        Dictionary<(DateOnly Month, string Unit, string Kpi), (double? Num, double? Den, double? Value)> stored) =>
        expected.Keys.Except(stored.Keys).Select(k => $"missing in store: {k}")
            .Concat(stored.Keys.Except(expected.Keys).Select(k => $"not served but stored: {k}"))
            .Concat(expected.Where(e => stored.TryGetValue(e.Key, out var s) && !Equal(e.Value, s)).Select(e => $"{e.Key}: expected {e.Value}, stored {stored[e.Key]}"))
            .Take(15)
            .ToList();

    private static bool Equal((double? Num, double? Den, double? Value) a, (double? Num, double? Den, double? Value) b) =>
        Near(a.Num, b.Num) && Near(a.Den, b.Den) && Near(a.Value, b.Value);

    private static bool Near(double? a, double? b) => a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) < 1e-6;
}
