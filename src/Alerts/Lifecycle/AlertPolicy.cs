namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>The lifecycle settings of a rule, taken from <c>alerts.json</c>.</summary>
public sealed record AlertPolicy
{
    /// <summary>Breaching evaluations held in pending before firing; 0 fires on the first breach.</summary>
    public int For { get; init; }

    /// <summary>Clean evaluations an alert keeps firing through; it resolves on the next one. Prevents flapping.</summary>
    public int KeepFiringFor { get; init; }

    /// <summary>Interval between reminders while firing and unacknowledged; null for no reminders.</summary>
    public TimeSpan? RepeatInterval { get; init; }

    /// <summary>How long a critical alert may stay unacknowledged before the parent unit is told; null for never.</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>
    /// Stale-data rules: only a figure newer than the one known when the alert fired counts as clean,
    /// so a stale alert never resolves because data is still missing.
    /// </summary>
    public bool ResolvesOnNewFigureOnly { get; init; }
}
