namespace KpiMonitor.Charts;

// A target holds from its period until the next target point, so one point per year is enough;
// a null target ends the previous one (no target for those periods).
public sealed record TargetPoint(DateOnly Period, double? Target, double WarningBand);
