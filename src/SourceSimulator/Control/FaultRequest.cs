namespace KpiMonitor.SourceSimulator.Control;

/// <summary>Body of <c>POST /_control/faults</c>: <c>{ "endpoint", "mode", "count", "delayMs" }</c>.</summary>
public sealed record FaultRequest(string? Endpoint, string? Mode, int? Count, int? DelayMs);
