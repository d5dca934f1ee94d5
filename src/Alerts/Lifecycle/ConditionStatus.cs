namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>What one evaluation found for a rule instance.</summary>
public enum ConditionStatus
{
    /// <summary>The rule is satisfied.</summary>
    Ok,

    /// <summary>The rule is breached.</summary>
    Breaching,

    /// <summary>Nothing to judge (no figure, no target): the instance keeps its state, counting neither way.</summary>
    NoData,
}
