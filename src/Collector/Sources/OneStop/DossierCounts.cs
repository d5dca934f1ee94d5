namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// A unit's dossier figures for a month, however they were obtained (statistics or counted from records),
/// and the one place that turns them into the one-stop KPIs.
/// </summary>
public sealed record DossierCounts(
    double Received, double Online, double FullOnline, double Finished, double OnTime, double Late,
    double Pending, double Digitised, double FeeBearing, double PaidOnline)
{
    public void AddTo(RecordBuilder record, string unit, DateTimeOffset time, string source)
    {
        record.Ratio("online_dossier_rate", unit, time, Online, Received, source, "TiepNhanTrucTuyen / TiepNhan");
        record.Ratio("full_online_dossier_rate", unit, time, FullOnline, Received, source, "ToanTrinh / TiepNhan");
        record.Ratio("on_time_rate", unit, time, OnTime, Finished, source, "DungHan / DaGiaiQuyet");
        record.Scalar("late_dossiers", unit, time, Late, source, "TreHan");
        record.Scalar("dossiers_received", unit, time, Received, source, "TiepNhan");
        record.Scalar("dossiers_pending", unit, time, Pending, source, "DangGiaiQuyet");
        record.Ratio("digitization_rate", unit, time, Digitised, Finished, source, "SoHoa / DaGiaiQuyet");
        record.Ratio("online_payment_rate", unit, time, PaidOnline, FeeBearing, source, "ThanhToanTrucTuyen / CoPhi");
    }
}
