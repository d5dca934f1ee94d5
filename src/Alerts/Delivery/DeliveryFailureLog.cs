using System.Text.Json;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// The delivery failures of the alerting process as the store keeps them, so the alerts page of any dashboard
/// (another process, another container) shows what the outbox could not deliver. The outbox publishes its current
/// failures after a round when they changed, and at least once a day while any remain or after they clear; a reader
/// takes the newest snapshot of the last <see cref="ReadWindow"/>.
/// </summary>
public sealed class DeliveryFailureLog(IEventLog log, TimeProvider time)
{
    /// <summary>The log of the snapshots (stream <see cref="Stream"/>, sequence = the snapshot's time in milliseconds).</summary>
    public const string Log = "alert-delivery";

    /// <summary>The one stream of <see cref="Log"/>.</summary>
    public const string Stream = "failures";

    /// <summary>How far back a reader looks; a snapshot is repeated at least every <see cref="Heartbeat"/>, well within it.</summary>
    public static readonly TimeSpan ReadWindow = TimeSpan.FromDays(3);

    /// <summary>An unchanged, non-empty set of failures is published again after this long.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromDays(1);

    private string? _lastFingerprint;
    private DateTimeOffset _lastAt;
    private long _lastSequence;

    /// <summary>Stores <paramref name="failures"/> if they differ from the last published snapshot or it is a day old.</summary>
    /// <returns>Whether a snapshot was written.</returns>
    public async Task<bool> PublishAsync(IReadOnlyList<DeliveryFailure> failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var now = time.GetUtcNow();
        string fingerprint = string.Join('\n', failures.Select(f => $"{f.DigestId}\t{f.Attempts}").Order(StringComparer.Ordinal));
        bool unchanged = fingerprint == _lastFingerprint;
        if (unchanged && (failures.Count == 0 || now - _lastAt < Heartbeat))
        {
            return false;
        }

        // The time in milliseconds orders the snapshots; two in one millisecond still get distinct sequences.
        long sequence = Math.Max(now.ToUnixTimeMilliseconds(), _lastSequence + 1);
        await log.AppendAsync([new StoredEvent(Log, Stream, sequence, now, "snapshot", JsonSerializer.Serialize(failures))], cancellationToken);
        _lastSequence = sequence;
        _lastFingerprint = fingerprint;
        _lastAt = now;
        return true;
    }

    /// <summary>
    /// The newest published failures and when they were published (<c>null</c> when nothing was published in the
    /// last <see cref="ReadWindow"/>: no failures, or no alerting process running). A snapshot that cannot be read
    /// counts as none rather than breaking the page.
    /// </summary>
    public async Task<(IReadOnlyList<DeliveryFailure> Failures, DateTimeOffset? At)> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        var events = await log.ReadAsync(Log, time.GetUtcNow() - ReadWindow, cancellationToken);
        var newest = events.Where(e => e.Stream == Stream).MaxBy(e => e.Sequence);
        if (newest is null)
        {
            return ([], null);
        }

        try
        {
            var failures = JsonSerializer.Deserialize<List<DeliveryFailure>>(newest.Payload) ?? [];
            return ([.. failures.OrderByDescending(f => f.At)], newest.Time);
        }
        catch (JsonException)
        {
            return ([], newest.Time);
        }
    }
}
