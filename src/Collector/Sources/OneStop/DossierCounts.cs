namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>
/// A unit's dossier figures for a month, however they were obtained (statistics or counted from records),
/// and the one place that turns them into the one-stop KPIs.
/// </summary>
public sealed record DossierCounts(
    double Received, double Online, double FullOnline, double Finished, double OnTime, double Late,
    double Pending, double Digitised, double FeeBearing, double PaidOnline)
{
    /// <summary>The KPIs that are counts: a unit with no dossiers in a month has 0 of each (its rates are undefined).</summary>
    public static IReadOnlyList<string> CountKpis { get; } = ["dossiers_received", "late_dossiers", "dossiers_pending"];

    /// <summary>Adds the KPIs to <paramref name="record"/>; <paramref name="include"/> leaves out those a source cannot produce.</summary>
    public void AddTo(RecordBuilder record, string unit, DateTimeOffset time, string source, Func<string, bool>? include = null)
    {
        include ??= _ => true;
        if (include("online_dossier_rate"))
        {
            record.Ratio("online_dossier_rate", unit, time, Online, Received, source, "TiepNhanTrucTuyen / TiepNhan");
        }

        if (include("full_online_dossier_rate"))
        {
            record.Ratio("full_online_dossier_rate", unit, time, FullOnline, Received, source, "ToanTrinh / TiepNhan");
        }

        if (include("on_time_rate"))
        {
            record.Ratio("on_time_rate", unit, time, OnTime, Finished, source, "DungHan / DaGiaiQuyet");
        }

        if (include("late_dossiers"))
        {
            record.Scalar("late_dossiers", unit, time, Late, source, "TreHan");
        }

        if (include("dossiers_received"))
        {
            record.Scalar("dossiers_received", unit, time, Received, source, "TiepNhan");
        }

        if (include("dossiers_pending"))
        {
            record.Scalar("dossiers_pending", unit, time, Pending, source, "DangGiaiQuyet");
        }

        if (include("digitization_rate"))
        {
            record.Ratio("digitization_rate", unit, time, Digitised, Finished, source, "SoHoa / DaGiaiQuyet");
        }

        if (include("online_payment_rate"))
        {
            record.Ratio("online_payment_rate", unit, time, PaidOnline, FeeBearing, source, "ThanhToanTrucTuyen / CoPhi");
        }
    }
}
