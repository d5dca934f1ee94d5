using System.Net.Http.Headers;
using System.Net.Http.Json;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;
using Microsoft.Extensions.Configuration;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>
/// A JSON POST shaped by the channel's template. The URL (which carries Teams' or Telegram's token) and a token come
/// from the configuration keys the channel names; errors name the channel and the status, never the URL.
/// </summary>
public sealed class WebhookChannel(AlertConfig alerts, DigestLabels labels, IConfiguration configuration, IHttpClientFactory clients) : IDeliveryChannel
{
    /// <summary>Name of the HttpClient; registered without request logging, because the URLs hold tokens.</summary>
    public const string ClientName = "alert-webhooks";

    /// <summary>Telegram's Bot API, used when a Telegram channel names only its token key.</summary>
    public const string TelegramSendMessage = "https://api.telegram.org/bot{token}/sendMessage";

    /// <inheritdoc />
    public ChannelType Type => ChannelType.Webhook;

    /// <inheritdoc />
    public async Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken)
    {
        string? token = Value(channel.TokenKey);
        var template = channel.Template ?? WebhookTemplate.Generic;
        string url = Url(channel, template, token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(WebhookPayload.Build(template, digest, alerts.DashboardUrl, labels)),
        };
        if (template != WebhookTemplate.Telegram && token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryException($"Kênh {channel.Code}: máy nhận trả lời HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).");
        }
    }

    /// <summary>
    /// The address to POST to: the URL key's value, for Telegram the Bot API's <c>sendMessage</c> when no URL is
    /// configured, with <c>{token}</c> replaced by the token key's value.
    /// </summary>
    internal string Url(ChannelDefinition channel, WebhookTemplate template, string? token)
    {
        string? url = Value(channel.UrlKey) ?? (template == WebhookTemplate.Telegram ? TelegramSendMessage : null);
        if (url is null)
        {
            throw new DeliveryException($"Kênh {channel.Code}: khóa cấu hình '{channel.UrlKey}' chưa có địa chỉ webhook.");
        }

        if (url.Contains("{token}", StringComparison.Ordinal))
        {
            url = url.Replace("{token}", token ?? throw new DeliveryException($"Kênh {channel.Code}: khóa cấu hình '{channel.TokenKey}' chưa có token."), StringComparison.Ordinal);
        }

        return url;
    }

    private string? Value(string? key) => key is not null && configuration[key] is { Length: > 0 } value ? value : null;
}
