namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>Where a rule instance stands: normal → pending → firing → resolved (which behaves as normal).</summary>
public enum AlertPhase
{
    /// <summary>The condition holds no breach (or never did).</summary>
    Normal,

    /// <summary>Breaching, but not yet for the rule's <c>for</c> evaluations.</summary>
    Pending,

    /// <summary>Breaching long enough to notify; stays so until <c>keepFiringFor</c> clean evaluations pass.</summary>
    Firing,

    /// <summary>Was firing and cleared; a new breach starts a new pending period.</summary>
    Resolved,
}
