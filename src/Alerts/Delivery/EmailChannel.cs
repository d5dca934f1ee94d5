using System.Net.Sockets;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// Mail over SMTP with MailKit: STARTTLS as configured, authentication when the channel's user key holds a value. The
/// mails of one delivery round go over one session per SMTP channel (40 recipients: one connection, one STARTTLS and
/// one login, not 40), closed at the end of the round (<see cref="EndRoundAsync"/>). A session that fails is dropped;
/// one the server closed between two mails is reopened once at once, any other failure is the outbox's to retry.
/// </summary>
public sealed class EmailChannel(
    AlertConfig alerts, DigestLabels labels, IConfiguration configuration, IOptions<DeliveryOptions> options, TimeProvider time)
    : IDeliveryChannel, IDisposable
{
    private readonly Dictionary<string, SmtpClient> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public ChannelType Type => ChannelType.Email;

    /// <inheritdoc />
    public async Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Host is null || channel.From is null)
        {
            throw new DeliveryException($"Kênh {channel.Code} thiếu host hoặc from.");
        }

        await SendMessageAsync(channel, DigestMail.Build(digest, channel.From, alerts.DashboardUrl, time.GetUtcNow(), labels), cancellationToken);
    }

    /// <summary>
    /// Sends any mail over <paramref name="channel"/>'s session (opened when none is), so other mail (the monthly report)
    /// goes through this one SMTP client and its settings; <see cref="EndRoundAsync"/> closes the session afterwards.
    /// </summary>
    public async Task SendMessageAsync(ChannelDefinition channel, MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Host is null)
        {
            throw new DeliveryException($"Kênh {channel.Code} thiếu host.");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            bool reused = _sessions.ContainsKey(channel.Code);
            var client = await SessionAsync(channel, channel.Host, cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception e) when (reused && IsClosedSession(e))
            {
                // The server ended a session kept from an earlier mail (idle limit, messages per session): a new one, once.
                Drop(channel.Code);
                client = await SessionAsync(channel, channel.Host, cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
        }
        catch
        {
            // Whatever state the session is in, the next attempt starts a clean one.
            Drop(channel.Code);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task EndRoundAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (code, client) in _sessions.ToList())
            {
                try
                {
                    await client.DisconnectAsync(quit: true, cancellationToken);
                }
                catch (Exception e) when (e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or SmtpCommandException)
                {
                    // The mails were accepted; a QUIT the server no longer answers changes nothing.
                }
                finally
                {
                    Drop(code);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (string code in _sessions.Keys.ToList())
        {
            Drop(code);
        }

        _gate.Dispose();
    }

    private static bool IsClosedSession(Exception e) =>
        e is ServiceNotConnectedException or IOException or SocketException or SmtpProtocolException
        || e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private async Task<SmtpClient> SessionAsync(ChannelDefinition channel, string host, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(channel.Code, out var open) && open.IsConnected)
        {
            return open;
        }

        Drop(channel.Code);
        var client = new SmtpClient { Timeout = (int)options.Value.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, channel.Port, options.Value.SmtpSecurity, cancellationToken);
            // Authentication when the named keys hold a user name; a user without its password is a configuration error.
            if (Value(channel.UserKey) is { } user)
            {
                string password = Value(channel.PasswordKey)
                    ?? throw new DeliveryException($"Kênh {channel.Code}: khóa cấu hình '{channel.PasswordKey}' chưa có mật khẩu.");
                await client.AuthenticateAsync(user, password, cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _sessions[channel.Code] = client;
        return client;
    }

    private void Drop(string code)
    {
        if (_sessions.Remove(code, out var client))
        {
            client.Dispose();
        }
    }

    // The key's name may be told, its value never.
    private string? Value(string? key) => key is not null && configuration[key] is { Length: > 0 } value ? value : null;
}
