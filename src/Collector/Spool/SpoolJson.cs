using System.Text.Json.Serialization;

namespace KpiMonitor.Collector.Spool;

/// <summary>Source-generated serialisation for spool and dead-letter lines (fast, no reflection).</summary>
[JsonSerializable(typeof(SpoolRecord))]
[JsonSerializable(typeof(DeadLetterRecord))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class SpoolJson : JsonSerializerContext;
