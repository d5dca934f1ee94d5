namespace KpiMonitor.Alerts.Configuration;

/// <summary>What a rule watches.</summary>
public enum RuleKind
{
    /// <summary>A KPI against each unit's own target (the shared status rule): at risk → warning, missed → critical.</summary>
    Target,

    /// <summary>A KPI's value, or its change month on month or against the same month last year, above or below a threshold.</summary>
    Threshold,

    /// <summary>The year-end projection of a KPI misses the year's target (see <see cref="ProjectionMethod"/>).</summary>
    Projection,

    /// <summary>A unit/KPI without a new figure within the KPI's cadence plus a grace period.</summary>
    Stale,

    /// <summary>A source the collector keeps failing to read, from the collector's health records.</summary>
    SourceDown,
}
