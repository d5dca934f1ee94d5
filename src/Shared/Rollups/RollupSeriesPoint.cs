namespace KpiMonitor.Shared.Rollups;

/// <summary>One period of a rolled-up series.</summary>
public sealed record RollupSeriesPoint(DateOnly Period, RolledValue Value);
