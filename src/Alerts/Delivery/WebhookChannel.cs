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
public sealed class WebhookChannel(AlertConfig alerts, IConfiguration configuration, IHttpClientFactory clients) : IDeliveryChannel
{
    /// <summary>Name of the HttpClient; registered without request logging, because the URLs hold tokens.</summary>
    public const string ClientName = "alert-webhooks";

    /// <inheritdoc />
    public ChannelType Type => ChannelType.Webhook;

    /// <inheritdoc />
    public async Task SendAsync(ChannelDefinition channel, Digest digest, CancellationToken cancellationToken)
    {
        if (channel.UrlKey is null || configuration[channel.UrlKey] is not { Length: > 0 } url)
        {
            throw new DeliveryException($"Kênh {channel.Code}: khóa cấu hình '{channel.UrlKey}' chưa có địa chỉ webhook.");
        }

        string? token = channel.TokenKey is null ? null : configuration[channel.TokenKey];
        var template = channel.Template ?? WebhookTemplate.Generic;
        if (template == WebhookTemplate.Telegram && token is not null)
        {
            // "https://api.telegram.org/bot{token}/sendMessage" keeps the token out of the URL's own key.
            url = url.Replace("{token}", token, StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(WebhookPayload.Build(template, digest, alerts.DashboardUrl)),
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
}
