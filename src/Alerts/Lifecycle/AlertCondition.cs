namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// The input of one evaluation of one rule instance, produced by the evaluator from the KPI assessment,
/// the collector's health records or the figures' timestamps.
/// </summary>
public sealed record AlertCondition
{
    /// <summary>Breached, satisfied or nothing to judge.</summary>
    public required ConditionStatus Status { get; init; }

    /// <summary>Severity of a breach (ignored otherwise).</summary>
    public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;

    /// <summary>The value judged.</summary>
    public double? Value { get; init; }

    /// <summary>The target or threshold.</summary>
    public double? Target { get; init; }

    /// <summary>The rule's summary template rendered for this instance.</summary>
    public string Summary { get; init; } = "";

    /// <summary>When the newest figure behind this judgement was observed.</summary>
    public DateTimeOffset? FigureAt { get; init; }

    /// <summary>A satisfied rule; <paramref name="figureAt"/> is the newest figure seen.</summary>
    public static AlertCondition Ok(DateTimeOffset? figureAt = null) => new() { Status = ConditionStatus.Ok, FigureAt = figureAt };

    /// <summary>Nothing to judge.</summary>
    public static AlertCondition NoData { get; } = new() { Status = ConditionStatus.NoData };

    /// <summary>A breach.</summary>
    public static AlertCondition Breaching(AlertSeverity severity, string summary, double? value = null, double? target = null, DateTimeOffset? figureAt = null) =>
        new() { Status = ConditionStatus.Breaching, Severity = severity, Summary = summary, Value = value, Target = target, FigureAt = figureAt };

    /// <summary>The part kept in events.</summary>
    public AlertSnapshot ToSnapshot() => new(Severity, Value, Target, Summary, FigureAt);
}
