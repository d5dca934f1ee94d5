using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>An e-office item in the contract's camelCase shape; disturbances hit <c>documentsReceived</c>.</summary>
internal static class EOfficeJson
{
    private static readonly JsonEncodedText UnitCode = JsonEncodedText.Encode("unitCode");
    private static readonly JsonEncodedText UnitName = JsonEncodedText.Encode("unitName");
    private static readonly JsonEncodedText Received = JsonEncodedText.Encode("documentsReceived");
    private static readonly JsonEncodedText ReceivedElectronic = JsonEncodedText.Encode("documentsReceivedElectronic");
    private static readonly JsonEncodedText Sent = JsonEncodedText.Encode("documentsSent");
    private static readonly JsonEncodedText SentElectronic = JsonEncodedText.Encode("documentsSentElectronic");
    private static readonly JsonEncodedText SentSigned = JsonEncodedText.Encode("documentsSentSigned");
    private static readonly JsonEncodedText WorkFiles = JsonEncodedText.Encode("workFiles");
    private static readonly JsonEncodedText WorkFilesOnline = JsonEncodedText.Encode("workFilesOnline");

    /// <summary>The numerator-above-denominator fault: more signed documents than electronic ones sent.</summary>
    public static EOfficeItem Inflate(EOfficeItem item) => item with { DocumentsSentSigned = item.DocumentsSentElectronic + 7 };

    public static void Write(Utf8JsonWriter json, EOfficeItem item, in BodyFaults faults, ItemDisturbance disturbance)
    {
        json.WriteStartObject();
        json.WriteString(UnitCode, item.UnitCode);
        json.WriteString(UnitName, item.UnitName);
        JsonFields.Target(json, Received, item.DocumentsReceived, faults, disturbance);
        JsonFields.Number(json, ReceivedElectronic, item.DocumentsReceivedElectronic, faults);
        JsonFields.Number(json, Sent, item.DocumentsSent, faults);
        JsonFields.Number(json, SentElectronic, item.DocumentsSentElectronic, faults);
        JsonFields.Number(json, SentSigned, item.DocumentsSentSigned, faults);
        JsonFields.Number(json, WorkFiles, item.WorkFiles, faults);
        JsonFields.Number(json, WorkFilesOnline, item.WorkFilesOnline, faults);
        json.WriteEndObject();
    }
}
