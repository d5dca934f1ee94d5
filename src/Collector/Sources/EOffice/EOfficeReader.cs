using System.Text.Json;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources.EOffice;

/// <summary>e-office statistics → e_document_rate, digital_signature_rate, online_work_record_rate (docs/source-apis.md).</summary>
public sealed class EOfficeReader(SourceHttpClient http, Catalog catalog, TimeProvider time) : PagedItemsReader(http, catalog, time)
{
    public override SourceKind Kind => SourceKind.EOffice;

    protected override string UnitField => "unitCode";

    protected override string UrlFor(DateOnly month) => $"eoffice/api/v1/statistics?period={PollWindow.Format(month)}";

    protected override void ReadItem(JsonElement item, RecordBuilder record, string unit, DateTimeOffset time, string source)
    {
        double received = record.Count(item, "documentsReceived");
        double receivedElectronic = record.Count(item, "documentsReceivedElectronic");
        double sent = record.Count(item, "documentsSent");
        double sentElectronic = record.Count(item, "documentsSentElectronic");
        double signed = record.Count(item, "documentsSentSigned");
        double workFiles = record.Count(item, "workFiles");
        double workFilesOnline = record.Count(item, "workFilesOnline");
        record.Ratio("e_document_rate", unit, time, receivedElectronic + sentElectronic, received + sent, source,
            "documentsReceivedElectronic+documentsSentElectronic / documentsReceived+documentsSent");
        record.Ratio("digital_signature_rate", unit, time, signed, sentElectronic, source, "documentsSentSigned / documentsSentElectronic");
        record.Ratio("online_work_record_rate", unit, time, workFilesOnline, workFiles, source, "workFilesOnline / workFiles");
    }
}
