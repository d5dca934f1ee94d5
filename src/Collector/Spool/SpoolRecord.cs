using System.Text.Json.Serialization;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Spool;

/// <summary>One observation as a line of a spool segment; short names keep segments small.</summary>
internal sealed record SpoolRecord(
    [property: JsonPropertyName("k")] string Kpi,
    [property: JsonPropertyName("u")] string Unit,
    [property: JsonPropertyName("t")] long TimeMs,
    [property: JsonPropertyName("v")] double? Value,
    [property: JsonPropertyName("n")] double? Numerator,
    [property: JsonPropertyName("d")] double? Denominator,
    [property: JsonPropertyName("s")] string Source,
    [property: JsonPropertyName("r")] long ReceivedMs)
{
    public static SpoolRecord From(Observation o, long nowMs) => new(o.Kpi, o.Unit, o.Time.ToUnixTimeMilliseconds(), o.Value, o.Numerator,
        o.Denominator, o.Source, o.ReceivedAt?.ToUnixTimeMilliseconds() ?? nowMs);

    public Observation ToObservation() => new()
    {
        Kpi = Kpi, Unit = Unit, Time = DateTimeOffset.FromUnixTimeMilliseconds(TimeMs), Value = Value, Numerator = Numerator,
        Denominator = Denominator, Source = Source, ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(ReceivedMs),
    };
}
