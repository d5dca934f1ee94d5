using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>Mail over SMTP with MailKit: STARTTLS as configured, authentication when the channel names its credential keys.</summary>
public sealed class EmailChannel(AlertConfig alerts, IConfiguration configuration, IOptions<DeliveryOptions> options, TimeProvider time) : IDeliveryChannel
{
    /// <inheritdoc />
    public ChannelType Type => ChannelType.Email;

    /// <inheritdoc />
    public async Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (channel.Host is null || channel.From is null)
        {
            throw new DeliveryException($"Kênh {channel.Code} thiếu host hoặc from.");
        }

        var message = DigestMail.Build(digest, channel.From, alerts.DashboardUrl, time.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(channel.Host, channel.Port, settings.SmtpSecurity, cancellationToken);
        if (channel.UserKey is not null || channel.PasswordKey is not null)
        {
            string user = Secret(channel.UserKey, channel.Code);
            string password = Secret(channel.PasswordKey, channel.Code);
            await client.AuthenticateAsync(user, password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    // The key's name may be told, its value never.
    private string Secret(string? key, string channel) =>
        key is not null && configuration[key] is { Length: > 0 } value
            ? value
            : throw new DeliveryException($"Kênh {channel}: khóa cấu hình '{key}' chưa có giá trị.");
}
