using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.History;

/// <summary>
/// The alert instances' events in the shared store (ADR 011): what an evaluation decided is appended, and the whole
/// log read back rebuilds the book at start (<see cref="AlertBook.Restore"/>). Appending the same events again is
/// harmless, so an append that failed is simply repeated.
/// </summary>
public sealed class AlertEventLog(IEventLog log)
{
    /// <summary>Appends the events of one evaluation (or one operator action), in their order.</summary>
    public Task AppendAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : log.AppendAsync(events.Select(AlertEventCodec.ToStored).ToList(), cancellationToken);

    /// <summary>Every stored alert event at or after <paramref name="since"/> (all when null), for history or a restore.</summary>
    public async Task<IReadOnlyList<AlertEvent>> ReadAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        (await log.ReadAsync(AlertEventCodec.Log, since, cancellationToken)).Select(AlertEventCodec.FromStored).ToList();

    /// <summary>The book as the stored events left it, as the alerting service rebuilds it at start.</summary>
    public async Task<AlertBook> RestoreAsync(TimeProvider time, QuietHours? quietHours, CancellationToken cancellationToken) =>
        AlertBook.Restore(time, quietHours, await ReadAsync(since: null, cancellationToken));
}
