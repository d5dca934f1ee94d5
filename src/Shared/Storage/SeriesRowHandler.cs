namespace KpiMonitor.Shared.Storage;

/// <summary>
/// Takes one stored figure while a store reads it (<see cref="ITimeSeriesStore.ScanSeriesAsync"/>): the unit, its time in
/// epoch milliseconds, the value (a ratio's percentage of its parts, null without a denominator) and a ratio's parts.
/// </summary>
public delegate void SeriesRowHandler(string unit, long timeMs, double? value, double? numerator, double? denominator);
