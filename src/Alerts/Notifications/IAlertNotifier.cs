namespace KpiMonitor.Alerts.Notifications;

/// <summary>
/// Delivers the digests of one evaluation (one per recipient). An implementation records each delivery as sent in the
/// outbox (<c>IEventLog.MarkSentAsync</c>, the digest's <see cref="Digest.Id"/> as the key) and never delivers a digest
/// already recorded, so a restart resends only what was not recorded (ADR 011).
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Delivers every digest not yet recorded as sent; a channel that fails is retried, never dropped.</summary>
    Task DeliverAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken);
}
