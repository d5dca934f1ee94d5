using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>Mail over SMTP with MailKit: STARTTLS as configured, authentication when the channel's user key holds a value.</summary>
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
        // Authentication when the named keys hold a user name; a user without its password is a configuration error.
        if (Value(channel.UserKey) is { } user)
        {
            string password = Value(channel.PasswordKey)
                ?? throw new DeliveryException($"Kênh {channel.Code}: khóa cấu hình '{channel.PasswordKey}' chưa có mật khẩu.");
            await client.AuthenticateAsync(user, password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    // The key's name may be told, its value never.
    private string? Value(string? key) => key is not null && configuration[key] is { Length: > 0 } value ? value : null;
}
