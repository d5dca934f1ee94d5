namespace KpiMonitor.Shared.Storage;

/// <summary>
/// Append-only event logs in the shared store (ADR 011), kept apart by name, and the sent-marks of outboxes.
/// Both stores implement it beside <see cref="ITimeSeriesStore"/>, so every process that reaches the store
/// reads the same events. It knows nothing of what the events mean.
/// </summary>
/// <remarks>
/// An event's identity is (log, stream, sequence). Appending an event whose identity is already stored does
/// not add a second one, so a caller may repeat a whole append after a failure or a crash. When two appends
/// under one identity differ, the one with the later <see cref="StoredEvent.Time"/> is kept (equal times: the
/// later append): a writer that re-creates an event after an unclear failure continues from the newer one.
/// Stores fail with <see cref="TimeSeriesStoreException"/>; bad names or payloads throw
/// <see cref="ArgumentException"/> before anything is written.
/// </remarks>
public interface IEventLog
{
    /// <summary>Stores the events (of one or several logs). Idempotent per event identity.</summary>
    Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Every event of <paramref name="log"/> whose time is at or after <paramref name="since"/> (all of them when
    /// null), ordered by time, then stream (ordinal), then sequence.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Records that the delivery <paramref name="id"/> of <paramref name="outbox"/> was sent. Marking twice is harmless.</summary>
    Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="id"/> was marked sent in <paramref name="outbox"/>.</summary>
    Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken);

    /// <summary>Every id marked sent in <paramref name="outbox"/>, for an outbox to read once at start.</summary>
    Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken);
}
