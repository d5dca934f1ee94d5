using System.Text.Json.Nodes;
using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Notifications;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>The JSON bodies of the ready webhook templates.</summary>
public static class WebhookPayload
{
    /// <summary>Telegram refuses messages over 4,096 characters.</summary>
    public const int TelegramLimit = 4096;

    /// <summary>The body for <paramref name="template"/>, with codes and bare numbers.</summary>
    public static JsonObject Build(WebhookTemplate template, Digest digest, Uri? dashboardUrl) =>
        Build(template, digest, dashboardUrl, DigestLabels.Codes);

    /// <summary>The body for <paramref name="template"/>, names and figures from <paramref name="labels"/>.</summary>
    public static JsonObject Build(WebhookTemplate template, Digest digest, Uri? dashboardUrl, DigestLabels labels) => template switch
    {
        // Plain text: no parse_mode, so nothing in a summary needs escaping.
        WebhookTemplate.Telegram => new JsonObject
        {
            ["chat_id"] = digest.Recipient.Address,
            ["text"] = DigestText.Plain(digest, dashboardUrl, labels, TelegramLimit),
            ["disable_web_page_preview"] = true,
        },
        WebhookTemplate.Teams => new JsonObject { ["text"] = DigestText.Plain(digest, dashboardUrl, labels, 20_000) },
        _ => Generic(digest, dashboardUrl, labels),
    };

    private static JsonObject Generic(Digest digest, Uri? dashboardUrl, DigestLabels labels) => new()
    {
        ["digestId"] = digest.Id,
        ["subject"] = DigestText.Subject(digest),
        ["recipient"] = new JsonObject { ["name"] = digest.Recipient.Name, ["channel"] = digest.Recipient.Channel, ["address"] = digest.Recipient.Address },
        ["items"] = new JsonArray([.. digest.Items.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Id,
            ["rule"] = i.Key.Rule,
            ["unit"] = i.Key.Unit,
            ["kpi"] = i.Key.Kpi,
            ["source"] = i.Key.Source,
            ["severity"] = i.Snapshot.Severity.ToString().ToLowerInvariant(),
            ["kind"] = i.Kind.ToString().ToLowerInvariant(),
            ["value"] = i.Snapshot.Value,
            ["target"] = i.Snapshot.Target,
            ["summary"] = i.Snapshot.Summary,
            ["scope"] = labels.Scope(i.Key),
            ["figures"] = labels.Figures(i),
            ["firedAt"] = i.FiredAt.ToUniversalTime(),
            ["resolvedAt"] = i.ResolvedAt?.ToUniversalTime(),
            ["link"] = i.Key.PageLink(dashboardUrl),
        })]),
    };
}
