using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Control;

/// <summary>An active fault as the control API shows it.</summary>
public sealed record FaultView(string Endpoint, string Mode, int? Remaining, int DelayMs)
{
    public static FaultView Of(ActiveFault fault) => new(fault.Endpoint, FaultModes.Name(fault.Mode), fault.Remaining, fault.DelayMs);
}
