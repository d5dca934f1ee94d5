namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>
/// A notification was decided (and handed to the outbox). Its id is the key, this event's sequence and the
/// recipient, so a restart never decides it twice and the outbox can tell what it already sent.
/// </summary>
/// <param name="Key">The rule instance.</param>
/// <param name="Sequence">Sequence of this event within the instance.</param>
/// <param name="At">When it was decided.</param>
/// <param name="Kind">Firing, reminder, resolution or escalation.</param>
/// <param name="Snapshot">What the message reports.</param>
/// <param name="FiredAt">When the episode fired.</param>
/// <param name="ResolvedAt">When it resolved, for a resolution.</param>
public sealed record AlertNotified(
    AlertKey Key, long Sequence, DateTimeOffset At, NotificationKind Kind, AlertSnapshot Snapshot, DateTimeOffset FiredAt, DateTimeOffset? ResolvedAt)
    : AlertEvent(Key, Sequence, At);
