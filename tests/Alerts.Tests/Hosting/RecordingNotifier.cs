using KpiMonitor.Alerts.Notifications;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// Records the digests the service hands over, and runs a check at each delivery (what the store holds by then).
/// Delivery itself is tested with the real notifier in Delivery/.
/// </summary>
internal sealed class RecordingNotifier(Func<Task>? atDelivery = null) : IAlertNotifier
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
    }
}
