namespace KpiMonitor.Shared.Storage;

/// <summary>
/// One figure for one KPI and unit. <see cref="Time"/> is the start of the period the figure describes,
/// so polling the same period again overwrites instead of adding a point; <see cref="ReceivedAt"/> is when
/// it arrived. Ratio KPIs carry numerator and denominator; other kinds carry <see cref="Value"/>.
/// </summary>
public sealed record Observation
{
    /// <summary>KPI code from the catalogue.</summary>
    public required string Kpi { get; init; }

    /// <summary>Unit code from the hierarchy.</summary>
    public required string Unit { get; init; }

    /// <summary>Start of the period described.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The value, for non-ratio KPIs.</summary>
    public double? Value { get; init; }

    /// <summary>Numerator, for ratio KPIs.</summary>
    public double? Numerator { get; init; }

    /// <summary>Denominator, for ratio KPIs.</summary>
    public double? Denominator { get; init; }

    /// <summary>Code of the source that produced the figure (a configured source, or "manual").</summary>
    public required string Source { get; init; }

    /// <summary>When the figure arrived; the store fills in "now" when missing.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>A ratio figure.</summary>
    public static Observation Ratio(string kpi, string unit, DateTimeOffset time, double numerator, double denominator, string source) =>
        new() { Kpi = kpi, Unit = unit, Time = time, Numerator = numerator, Denominator = denominator, Source = source };

    /// <summary>A single-value figure (count, percent, score, rank).</summary>
    public static Observation Scalar(string kpi, string unit, DateTimeOffset time, double value, string source) =>
        new() { Kpi = kpi, Unit = unit, Time = time, Value = value, Source = source };
}
