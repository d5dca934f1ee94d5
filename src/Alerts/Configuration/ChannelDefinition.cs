namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// A delivery channel. Secrets are never in <c>alerts.json</c>: <see cref="PasswordKey"/>, <see cref="UrlKey"/> and
/// <see cref="TokenKey"/> are names of configuration keys (environment variables, user secrets) that hold them.
/// </summary>
public sealed record ChannelDefinition
{
    /// <summary>Code that contacts refer to.</summary>
    public required string Code { get; init; }

    /// <summary>Email, webhook or inbox.</summary>
    public required ChannelType Type { get; init; }

    /// <summary>Payload shape, for a webhook.</summary>
    public WebhookTemplate? Template { get; init; }

    /// <summary>SMTP host, for email.</summary>
    public string? Host { get; init; }

    /// <summary>SMTP port, for email (587 with STARTTLS unless set).</summary>
    public int Port { get; init; } = 587;

    /// <summary>Sender address, for email.</summary>
    public string? From { get; init; }

    /// <summary>Configuration key of the SMTP user name.</summary>
    public string? UserKey { get; init; }

    /// <summary>Configuration key of the SMTP password.</summary>
    public string? PasswordKey { get; init; }

    /// <summary>Configuration key of the webhook URL (Teams and Slack URLs carry their token).</summary>
    public string? UrlKey { get; init; }

    /// <summary>Configuration key of a token (the Telegram bot token, or a bearer token for a generic webhook).</summary>
    public string? TokenKey { get; init; }
}
