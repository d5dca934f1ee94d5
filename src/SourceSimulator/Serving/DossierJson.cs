using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>A dossier record in the national sync shape; disturbances hit <c>TrangThaiHoSo</c>, without which it cannot be counted.</summary>
internal static class DossierJson
{
    private static readonly JsonEncodedText MaHoSo = JsonEncodedText.Encode("MaHoSo");
    private static readonly JsonEncodedText MaTthc = JsonEncodedText.Encode("MaTTHC");
    private static readonly JsonEncodedText MaDonVi = JsonEncodedText.Encode("MaDonVi");
    private static readonly JsonEncodedText KenhThucHien = JsonEncodedText.Encode("KenhThucHien");
    private static readonly JsonEncodedText ToanTrinh = JsonEncodedText.Encode("ToanTrinh");
    private static readonly JsonEncodedText NgayTiepNhan = JsonEncodedText.Encode("NgayTiepNhan");
    private static readonly JsonEncodedText NgayHenTra = JsonEncodedText.Encode("NgayHenTra");
    private static readonly JsonEncodedText NgayKetThucXuLy = JsonEncodedText.Encode("NgayKetThucXuLy");
    private static readonly JsonEncodedText TrangThaiHoSo = JsonEncodedText.Encode("TrangThaiHoSo");
    private static readonly JsonEncodedText CoPhi = JsonEncodedText.Encode("CoPhi");
    private static readonly JsonEncodedText DuocThanhToanTrucTuyen = JsonEncodedText.Encode("DuocThanhToanTrucTuyen");
    private static readonly JsonEncodedText HoSoCoThanhPhanSoHoa = JsonEncodedText.Encode("HoSoCoThanhPhanSoHoa");

    /// <summary>
    /// The numerator-above-denominator fault for a record: paid online without being fee-bearing, the
    /// record that would make "paid online" exceed "fee-bearing" if counted naively.
    /// </summary>
    public static DossierRecord Inflate(DossierRecord record) => record with { CoPhi = false, DuocThanhToanTrucTuyen = true };

    public static void Write(Utf8JsonWriter json, DossierRecord record, in BodyFaults faults, ItemDisturbance disturbance)
    {
        json.WriteStartObject();
        json.WriteString(MaHoSo, record.MaHoSo);
        json.WriteString(MaTthc, record.MaTTHC);
        json.WriteString(MaDonVi, record.MaDonVi);
        JsonFields.Number(json, KenhThucHien, record.KenhThucHien, faults);
        json.WriteBoolean(ToanTrinh, record.ToanTrinh);
        json.WriteString(NgayTiepNhan, record.NgayTiepNhan);
        json.WriteString(NgayHenTra, record.NgayHenTra);
        json.WriteString(NgayKetThucXuLy, record.NgayKetThucXuLy);
        JsonFields.Target(json, TrangThaiHoSo, record.TrangThaiHoSo, faults, disturbance);
        json.WriteBoolean(CoPhi, record.CoPhi);
        json.WriteBoolean(DuocThanhToanTrucTuyen, record.DuocThanhToanTrucTuyen);
        json.WriteBoolean(HoSoCoThanhPhanSoHoa, record.HoSoCoThanhPhanSoHoa);
        json.WriteEndObject();
    }
}
