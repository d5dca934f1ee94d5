using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>A one-stop statistics item, Vietnamese PascalCase names; disturbances hit <c>TiepNhan</c>.</summary>
internal static class OneStopJson
{
    private static readonly JsonEncodedText MaDonVi = JsonEncodedText.Encode("MaDonVi");
    private static readonly JsonEncodedText TenDonVi = JsonEncodedText.Encode("TenDonVi");
    private static readonly JsonEncodedText TiepNhan = JsonEncodedText.Encode("TiepNhan");
    private static readonly JsonEncodedText TiepNhanTrucTuyen = JsonEncodedText.Encode("TiepNhanTrucTuyen");
    private static readonly JsonEncodedText ToanTrinh = JsonEncodedText.Encode("ToanTrinh");
    private static readonly JsonEncodedText DaGiaiQuyet = JsonEncodedText.Encode("DaGiaiQuyet");
    private static readonly JsonEncodedText DungHan = JsonEncodedText.Encode("DungHan");
    private static readonly JsonEncodedText TreHan = JsonEncodedText.Encode("TreHan");
    private static readonly JsonEncodedText DangGiaiQuyet = JsonEncodedText.Encode("DangGiaiQuyet");
    private static readonly JsonEncodedText SoHoa = JsonEncodedText.Encode("SoHoa");
    private static readonly JsonEncodedText CoPhi = JsonEncodedText.Encode("CoPhi");
    private static readonly JsonEncodedText ThanhToanTrucTuyen = JsonEncodedText.Encode("ThanhToanTrucTuyen");

    /// <summary>The numerator-above-denominator fault: more online dossiers than dossiers received.</summary>
    public static OneStopStatsItem Inflate(OneStopStatsItem item) => item with { TiepNhanTrucTuyen = item.TiepNhan + 5 };

    public static void Write(Utf8JsonWriter json, OneStopStatsItem item, in BodyFaults faults, ItemDisturbance disturbance)
    {
        json.WriteStartObject();
        json.WriteString(MaDonVi, item.MaDonVi);
        json.WriteString(TenDonVi, item.TenDonVi);
        JsonFields.Target(json, TiepNhan, item.TiepNhan, faults, disturbance);
        JsonFields.Number(json, TiepNhanTrucTuyen, item.TiepNhanTrucTuyen, faults);
        JsonFields.Number(json, ToanTrinh, item.ToanTrinh, faults);
        JsonFields.Number(json, DaGiaiQuyet, item.DaGiaiQuyet, faults);
        JsonFields.Number(json, DungHan, item.DungHan, faults);
        JsonFields.Number(json, TreHan, item.TreHan, faults);
        JsonFields.Number(json, DangGiaiQuyet, item.DangGiaiQuyet, faults);
        JsonFields.Number(json, SoHoa, item.SoHoa, faults);
        JsonFields.Number(json, CoPhi, item.CoPhi, faults);
        JsonFields.Number(json, ThanhToanTrucTuyen, item.ThanhToanTrucTuyen, faults);
        json.WriteEndObject();
    }
}
