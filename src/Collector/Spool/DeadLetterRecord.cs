using System.Text.Json.Serialization;

namespace KpiMonitor.Collector.Spool;

/// <summary>A refused observation with why it was refused and when.</summary>
internal sealed record DeadLetterRecord(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("observation")] SpoolRecord Observation);
