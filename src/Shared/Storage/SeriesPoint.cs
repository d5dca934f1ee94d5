namespace KpiMonitor.Shared.Storage;

/// <summary>The last figure of one unit within one period of a series.</summary>
public sealed record SeriesPoint(DateOnly Period, string Unit, DateTimeOffset Time, double? Value, double? Numerator, double? Denominator);
