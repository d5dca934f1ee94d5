namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>Why a notification is sent.</summary>
public enum NotificationKind
{
    /// <summary>The alert fired (or could first be told, after a silence or quiet hours), or its severity rose.</summary>
    Firing,

    /// <summary>A reminder while firing and unacknowledged.</summary>
    Repeat,

    /// <summary>The alert cleared.</summary>
    Resolved,

    /// <summary>A critical alert stayed unacknowledged: sent to the parent unit's recipients.</summary>
    Escalation,
}
