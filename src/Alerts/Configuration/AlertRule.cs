using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Configuration;

/// <summary>One rule of <c>alerts.json</c>. Kind-specific settings are set for their kind only.</summary>
public sealed record AlertRule
{
    /// <summary>Unique code, part of every instance's key.</summary>
    public required string Code { get; init; }

    /// <summary>What the rule watches.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>The KPI; null for source-down rules and for stale rules over every KPI.</summary>
    public string? Kpi { get; init; }

    /// <summary>The units it applies to (all for source-down rules).</summary>
    public RuleScope Scope { get; init; } = RuleScope.All;

    /// <summary>Fixed severity; null for target rules, whose severity follows the status (at risk → warning, missed → critical).</summary>
    public AlertSeverity? Severity { get; init; }

    /// <summary>Breaching evaluations held in pending before firing.</summary>
    public int For { get; init; }

    /// <summary>Clean evaluations an alert keeps firing through.</summary>
    public int KeepFiringFor { get; init; }

    /// <summary>Reminder interval while firing; null for none.</summary>
    public TimeSpan? Repeat { get; init; }

    /// <summary>The Vietnamese summary with placeholders.</summary>
    public required SummaryTemplate Summary { get; init; }

    /// <summary>Settings of a threshold rule.</summary>
    public ThresholdSettings? Threshold { get; init; }

    /// <summary>Settings of a projection rule.</summary>
    public ProjectionSettings? Projection { get; init; }

    /// <summary>Settings of a stale-data rule.</summary>
    public StaleSettings? Stale { get; init; }

    /// <summary>Settings of a source-down rule.</summary>
    public SourceDownSettings? SourceDown { get; init; }

    /// <summary>The lifecycle policy of the rule's instances.</summary>
    public AlertPolicy Policy(TimeSpan? escalateAfter) => new()
    {
        For = For, KeepFiringFor = KeepFiringFor, RepeatInterval = Repeat, EscalateAfter = escalateAfter,
        ResolvesOnNewFigureOnly = Kind == RuleKind.Stale,
    };
}
