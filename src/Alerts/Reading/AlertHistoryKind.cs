namespace KpiMonitor.Alerts.Reading;

/// <summary>What a history entry records; the lifecycle's bookkeeping events (counts, notifications) are left out.</summary>
public enum AlertHistoryKind
{
    /// <summary>A first breach: the alert waits for its <c>for</c> evaluations.</summary>
    Pending,

    /// <summary>The breach cleared before the alert fired.</summary>
    PendingCancelled,

    /// <summary>The alert fired.</summary>
    Fired,

    /// <summary>A firing alert changed severity.</summary>
    SeverityChanged,

    /// <summary>The alert cleared.</summary>
    Resolved,

    /// <summary>An operator acknowledged the firing alert.</summary>
    Acknowledged,
}
