namespace KpiMonitor.Alerts.Configuration;

/// <summary>The payload shape of a webhook channel.</summary>
public enum WebhookTemplate
{
    /// <summary>Telegram Bot API <c>sendMessage</c>; the contact's address is the chat id.</summary>
    Telegram,

    /// <summary>A Microsoft Teams / Slack-style incoming webhook (a card with text).</summary>
    Teams,

    /// <summary>A plain JSON document of the digest.</summary>
    Generic,
}
