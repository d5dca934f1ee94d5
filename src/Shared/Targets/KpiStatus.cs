namespace KpiMonitor.Shared.Targets;

/// <summary>How a value stands against its target.</summary>
public enum KpiStatus
{
    /// <summary>No value for the period.</summary>
    NoData,

    /// <summary>A value but no target applies (volumes, or a year without a target).</summary>
    NoTarget,

    /// <summary>The target is reached.</summary>
    Met,

    /// <summary>Short of the target but within the warning band.</summary>
    AtRisk,

    /// <summary>Short of the target by more than the warning band.</summary>
    Missed,
}
