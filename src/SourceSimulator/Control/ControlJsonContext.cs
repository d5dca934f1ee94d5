using System.Text.Json.Serialization;

namespace KpiMonitor.SourceSimulator.Control;

/// <summary>Source-generated JSON for the control API (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultView))]
[JsonSerializable(typeof(StatsReport))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
