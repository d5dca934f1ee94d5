namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>One dossier in the national sync shape; JSON names are exactly these. Dates are <c>yyyyMMddHHmmss</c>, local time.</summary>
public sealed record DossierRecord(
    string MaHoSo,
    string MaTTHC,
    string MaDonVi,
    int KenhThucHien,
    bool ToanTrinh,
    string NgayTiepNhan,
    string NgayHenTra,
    string NgayKetThucXuLy,
    int TrangThaiHoSo,
    bool CoPhi,
    bool DuocThanhToanTrucTuyen,
    bool HoSoCoThanhPhanSoHoa);
