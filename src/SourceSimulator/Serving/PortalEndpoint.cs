using System.Text.Json;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Figures;
using KpiMonitor.SourceSimulator.Periods;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary><c>GET /portal/api/chiso766?nam=yyyy&amp;thang=M</c> (HTTP Basic): <c>{ "data": [ … ] }</c>, not paged.</summary>
internal sealed class PortalEndpoint(SimulatorState state, IHostApplicationLifetime lifetime)
    : DataEndpoint<PortalQuery>(state, lifetime)
{
    public const string Path = "/portal/api/chiso766";

    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    protected override string Name => SimEndpoints.Portal;

    protected override AuthScheme Scheme => AuthScheme.Basic;

    protected override bool TryParse(IQueryCollection query, out PortalQuery parsed, out string error) =>
        PortalQuery.TryParse(query, out parsed, out error);

    protected override void Write(Utf8JsonWriter json, PortalQuery query, BodyFaults faults, DateTimeOffset now)
    {
        var view = MonthView.Of(query.Period, now);
        var units = view is null || faults.EmptyPage ? [] : State.Units.Portal(query.Period);
        WriteData(json, units.Select(u => PortalFigures.For(u, view!.Value)), faults);
    }

    public static void WriteData(Utf8JsonWriter json, IEnumerable<PortalItem> items, BodyFaults faults)
    {
        json.WriteStartObject();
        json.WriteStartArray(Data);
        int index = 0;
        foreach (var item in items)
        {
            PortalJson.Write(json, index == 0 && faults.NumerAboveDenominator ? PortalJson.Inflate(item) : item, faults, faults.For(index));
            index++;
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
