using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>Sends one digest over one kind of channel; throws when the digest did not get through.</summary>
public interface IDeliveryChannel
{
    /// <summary>The kind of channel this sends over.</summary>
    ChannelType Type { get; }

    /// <summary>Sends <paramref name="digest"/> to its recipient over <paramref name="channel"/>.</summary>
    Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Called by the outbox after each delivery round: a channel that keeps connections open for the round's digests
    /// (mail: one SMTP session per channel) closes them here.
    /// </summary>
    Task EndRoundAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
