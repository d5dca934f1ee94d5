namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>One unit-month of the one-stop statistics endpoint; JSON names are exactly these (Vietnamese PascalCase).</summary>
public sealed record OneStopStatsItem(
    string MaDonVi,
    string TenDonVi,
    int TiepNhan,
    int TiepNhanTrucTuyen,
    int ToanTrinh,
    int DaGiaiQuyet,
    int DungHan,
    int TreHan,
    int DangGiaiQuyet,
    int SoHoa,
    int CoPhi,
    int ThanhToanTrucTuyen);
