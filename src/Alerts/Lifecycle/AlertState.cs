using KpiMonitor.Alerts.Lifecycle.Events;

namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>
/// The state of one rule instance: nothing but the fold of its events (<see cref="Apply"/>), so the live state
/// and the state rebuilt from the store after a restart are the same value.
/// </summary>
public sealed record AlertState
{
    /// <summary>The rule instance.</summary>
    public required AlertKey Key { get; init; }

    /// <summary>Normal, pending, firing or resolved.</summary>
    public AlertPhase Phase { get; init; }

    /// <summary>Sequence of the last event applied (0 before any).</summary>
    public long Sequence { get; init; }

    /// <summary>Breaching evaluations while pending, clean ones while firing; 0 otherwise.</summary>
    public int Count { get; init; }

    /// <summary>The latest breach recorded for this episode.</summary>
    public AlertSnapshot? Snapshot { get; init; }

    /// <summary>When the pending period (or, once firing, the episode) began.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>When the alert fired.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>Since when the firing alert has been critical (the escalation clock).</summary>
    public DateTimeOffset? CriticalSince { get; init; }

    /// <summary>When the recipients were last told of this firing episode; null while not yet told.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>The severity the recipients were last told of; a rise to a higher one is told again.</summary>
    public AlertSeverity? NotifiedSeverity { get; init; }

    /// <summary>The operator's acknowledgement of this episode.</summary>
    public Acknowledgement? Acknowledged { get; init; }

    /// <summary>Whether the parent unit was told of this episode.</summary>
    public bool Escalated { get; init; }

    /// <summary>Resolutions decided but not yet told (held by quiet hours), oldest first.</summary>
    public IReadOnlyList<ResolutionNotice> OwedResolutions { get; init; } = [];

    /// <summary>The instance before any event.</summary>
    public static AlertState Initial(AlertKey key) => new() { Key = key };

    /// <summary>Rebuilds a state from its events, in sequence order.</summary>
    public static AlertState Restore(AlertKey key, IEnumerable<AlertEvent> events) =>
        events.OrderBy(e => e.Sequence).Aggregate(Initial(key), (state, e) => state.Apply(e));

    /// <summary>The state after <paramref name="e"/>.</summary>
    public AlertState Apply(AlertEvent e)
    {
        if (e.Key != Key || e.Sequence != Sequence + 1)
        {
            throw new InvalidOperationException($"Sự kiện {e.Key}#{e.Sequence} không nối tiếp {Key}#{Sequence}.");
        }

        var next = this with { Sequence = e.Sequence };
        return e switch
        {
            AlertPending p => next with { Phase = AlertPhase.Pending, Count = 1, Since = p.At, Snapshot = p.Snapshot },
            AlertPendingHeld h => next with { Count = h.Count },
            AlertPendingCancelled => next with { Phase = AlertPhase.Normal, Count = 0, Since = null, Snapshot = null },
            AlertFired f => next with
            {
                Phase = AlertPhase.Firing, Count = 0, Since = Phase == AlertPhase.Pending ? Since : f.At, FiredAt = f.At, Snapshot = f.Snapshot,
                CriticalSince = f.Snapshot.Severity == AlertSeverity.Critical ? f.At : null,
                LastNotifiedAt = null, NotifiedSeverity = null, Acknowledged = null, Escalated = false,
            },
            AlertSeverityChanged s => next with
            {
                Snapshot = s.Snapshot,
                CriticalSince = s.Snapshot.Severity == AlertSeverity.Critical ? CriticalSince ?? s.At : null,
            },
            AlertClearing c => next with { Count = c.Count },
            AlertClearReset => next with { Count = 0 },
            AlertResolved r => next with
            {
                Phase = AlertPhase.Resolved, Count = 0, Since = null, CriticalSince = null, LastNotifiedAt = null, NotifiedSeverity = null,
                Acknowledged = null, Escalated = false,
                OwedResolutions = r.Announce ? [.. OwedResolutions, new ResolutionNotice(Snapshot!, FiredAt!.Value, r.At)] : OwedResolutions,
            },
            AlertNotified n => n.Kind switch
            {
                NotificationKind.Firing or NotificationKind.Repeat => next with { LastNotifiedAt = n.At, NotifiedSeverity = n.Snapshot.Severity, Snapshot = n.Snapshot },
                NotificationKind.Escalation => next with { Escalated = true },
                _ => next with { OwedResolutions = [.. OwedResolutions.Skip(1)] },
            },
            AlertAcknowledged a => next with { Acknowledged = new Acknowledgement(a.By, a.Note, a.At) },
            _ => throw new InvalidOperationException($"Loại sự kiện không biết: {e.GetType().Name}"),
        };
    }
}
