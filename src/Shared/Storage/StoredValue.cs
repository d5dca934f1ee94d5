namespace KpiMonitor.Shared.Storage;

/// <summary>
/// A figure as read back from the store. For ratio KPIs <see cref="Value"/> is computed as
/// numerator ÷ denominator × 100, and is null when the denominator is 0.
/// </summary>
public sealed record StoredValue(
    string Unit,
    DateTimeOffset Time,
    double? Value,
    double? Numerator,
    double? Denominator,
    string? Source,
    DateTimeOffset? ReceivedAt)
{
    /// <summary>numerator ÷ denominator × 100, or null when there is nothing to divide by.</summary>
    public static double? Percentage(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? n / d * 100.0 : null;
}
