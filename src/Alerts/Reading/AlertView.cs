using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Reading;

/// <summary>An open alert (pending or firing) as the dashboard shows it.</summary>
/// <param name="State">The instance's state, the fold of its stored events.</param>
/// <param name="Silenced">Whether an operator's silence in force covers it (its lifecycle goes on, nobody is told).</param>
/// <param name="RequestedAcknowledgement">
/// An acknowledgement written by an operator that the alerting service has not applied yet (it takes effect at the
/// next evaluation); null when there is none or it is already recorded in <see cref="AlertState.Acknowledged"/>.
/// </param>
public sealed record AlertView(AlertState State, bool Silenced, Acknowledgement? RequestedAcknowledgement)
{
    /// <summary>The rule instance.</summary>
    public AlertKey Key => State.Key;

    /// <summary>Pending or firing.</summary>
    public AlertPhase Phase => State.Phase;

    /// <summary>The severity of the latest breach.</summary>
    public AlertSeverity Severity => State.Snapshot?.Severity ?? AlertSeverity.Warning;

    /// <summary>The rendered summary of the latest breach.</summary>
    public string Summary => State.Snapshot?.Summary ?? "";

    /// <summary>Since when the alert has been open: the start of the pending period, or when it fired.</summary>
    public DateTimeOffset? Since => State.Since ?? State.FiredAt;
}
