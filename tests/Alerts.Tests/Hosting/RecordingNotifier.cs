using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Alerts.Notifications;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// Records the digests the service hands over, runs a check at each delivery (what the store holds by then) and, as
/// the contract asks, marks them sent in the outbox when that check passes. Delivery itself is tested with the real
/// notifier in Delivery/.
/// </summary>
internal sealed class RecordingNotifier(IEventLog outbox, Func<Task>? atDelivery = null) : IAlertNotifier
{
    private readonly List<IReadOnlyList<Digest>> _deliveries = [];

    public IReadOnlyList<IReadOnlyList<Digest>> Deliveries => _deliveries;

    public IReadOnlyList<Digest> Last => _deliveries.Count > 0 ? _deliveries[^1] : [];

    public async Task DeliverAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken)
    {
        if (atDelivery is not null)
        {
            await atDelivery();
        }

        _deliveries.Add(digests);
        foreach (var digest in digests)
        {
            await outbox.MarkSentAsync(OutboxNotifier.Outbox, digest.Id, cancellationToken);
        }
    }
}
