namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>A fault switched on: <paramref name="Remaining"/> answers still to disturb, or null until cleared.</summary>
public sealed record ActiveFault(string Endpoint, FaultMode Mode, int? Remaining, int DelayMs);
