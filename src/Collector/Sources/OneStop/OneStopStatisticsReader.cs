using System.Text.Json;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources.OneStop;

/// <summary>One-stop per-unit statistics → the eight dossier KPIs (docs/source-apis.md).</summary>
public sealed class OneStopStatisticsReader(SourceHttpClient http, Catalog catalog, TimeProvider time) : PagedItemsReader(http, catalog, time)
{
    public override SourceKind Kind => SourceKind.OneStopStatistics;

    protected override string UnitField => "MaDonVi";

    protected override string UrlFor(DateOnly month) => $"onestop/api/statistics?period={PollWindow.Format(month)}";

    protected override void ReadItem(JsonElement item, RecordBuilder record, string unit, DateTimeOffset time, string source)
    {
        var counts = new DossierCounts(
            Received: record.Count(item, "TiepNhan"),
            Online: record.Count(item, "TiepNhanTrucTuyen"),
            FullOnline: record.Count(item, "ToanTrinh"),
            Finished: record.Count(item, "DaGiaiQuyet"),
            OnTime: record.Count(item, "DungHan"),
            Late: record.Count(item, "TreHan"),
            Pending: record.Count(item, "DangGiaiQuyet"),
            Digitised: record.Count(item, "SoHoa"),
            FeeBearing: record.Count(item, "CoPhi"),
            PaidOnline: record.Count(item, "ThanhToanTrucTuyen"));
        counts.AddTo(record, unit, time, source);
    }
}
