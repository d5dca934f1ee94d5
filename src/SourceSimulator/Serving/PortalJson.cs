using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>A 766 item, names as the national portal writes them; disturbances hit <c>TONG_SCORE</c>.</summary>
internal static class PortalJson
{
    private static readonly JsonEncodedText MaDonVi = JsonEncodedText.Encode("MaDonVi");
    private static readonly JsonEncodedText TenDonVi = JsonEncodedText.Encode("TenDonVi");
    private static readonly JsonEncodedText Ckmb = JsonEncodedText.Encode("CKMB");
    private static readonly JsonEncodedText Tdgq = JsonEncodedText.Encode("TDGQ");
    private static readonly JsonEncodedText Tttt = JsonEncodedText.Encode("TTTT");
    private static readonly JsonEncodedText Clgq = JsonEncodedText.Encode("CLGQ");
    private static readonly JsonEncodedText Mdhl = JsonEncodedText.Encode("MDHL");
    private static readonly JsonEncodedText Mdsh = JsonEncodedText.Encode("MDSH");
    private static readonly JsonEncodedText TongScore = JsonEncodedText.Encode("TONG_SCORE");

    /// <summary>The portal has no ratios; its analogue of a numerator above its denominator is a score above the 100-point scale.</summary>
    public static PortalItem Inflate(PortalItem item) => item with { TongScore = 100m + Math.Round(item.TongScore / 10m, 2) };

    public static void Write(Utf8JsonWriter json, PortalItem item, in BodyFaults faults, ItemDisturbance disturbance)
    {
        json.WriteStartObject();
        json.WriteString(MaDonVi, item.MaDonVi);
        json.WriteString(TenDonVi, item.TenDonVi);
        JsonFields.Number(json, Ckmb, item.Ckmb, faults);
        JsonFields.Number(json, Tdgq, item.Tdgq, faults);
        JsonFields.Number(json, Tttt, item.Tttt, faults);
        JsonFields.Number(json, Clgq, item.Clgq, faults);
        JsonFields.Number(json, Mdhl, item.Mdhl, faults);
        JsonFields.Number(json, Mdsh, item.Mdsh, faults);
        JsonFields.Target(json, TongScore, item.TongScore, faults, disturbance);
        json.WriteEndObject();
    }
}
