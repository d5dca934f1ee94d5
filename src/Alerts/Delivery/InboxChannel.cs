using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>The dashboard inbox reads the alert events themselves: nothing travels, the digest only counts as delivered.</summary>
public sealed class InboxChannel : IDeliveryChannel
{
    /// <inheritdoc />
    public ChannelType Type => ChannelType.Inbox;

    /// <inheritdoc />
    public Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken) => Task.CompletedTask;
}
