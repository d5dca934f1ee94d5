using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Tests.Delivery;

/// <summary>
/// The real store, with its sent-marks refused while <see cref="Refuse"/> is set: the moment between a delivery and
/// its record that a real outage can hit and no real server can be made to hit on cue.
/// </summary>
public sealed class MarkRefusingLog(IEventLog store) : IEventLog
{
    public bool Refuse { get; set; }

    public Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken) => store.AppendAsync(events, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken) =>
        store.ReadAsync(log, since, cancellationToken);

    public Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken) => Refuse
        ? throw new TimeSeriesStoreException("kho dữ liệu không trả lời (kiểm thử)", isTransient: true)
        : store.MarkSentAsync(outbox, id, cancellationToken);

    public Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken) => store.IsSentAsync(outbox, id, cancellationToken);

    public Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken) => store.GetSentAsync(outbox, cancellationToken);
}
