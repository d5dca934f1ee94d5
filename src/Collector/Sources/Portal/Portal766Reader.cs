using System.Text.Json;
using KpiMonitor.Collector.Sources.Http;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Sources.Portal;

/// <summary>National portal 766 index → score_766 and its group scores.</summary>
public sealed class Portal766Reader(SourceHttpClient http, Catalog catalog, TimeProvider time) : PagedItemsReader(http, catalog, time)
{
    private static readonly (string Field, string Kpi)[] Groups =
    [
        ("CKMB", "score_766_ckmb"), ("TDGQ", "score_766_tdgq"), ("TTTT", "score_766_tttt"),
        ("CLGQ", "score_766_clgq"), ("MDHL", "score_766_mdhl"), ("MDSH", "score_766_mdsh"),
    ];

    public override SourceKind Kind => SourceKind.Portal766;

    protected override string UnitField => "MaDonVi";

    protected override bool Paged => false;

    protected override string UrlFor(DateOnly month) => $"portal/api/chiso766?nam={month.Year}&thang={month.Month}";

    protected override void ReadItem(JsonElement item, RecordBuilder record, string unit, DateTimeOffset time, string source)
    {
        record.Scalar("score_766", unit, time, record.Number(item, "TONG_SCORE"), source, "TONG_SCORE");
        foreach (var (field, kpi) in Groups)
        {
            record.Scalar(kpi, unit, time, record.Number(item, field), source, field);
        }
    }
}
