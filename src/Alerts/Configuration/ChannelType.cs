namespace KpiMonitor.Alerts.Configuration;

/// <summary>How a notification travels.</summary>
public enum ChannelType
{
    /// <summary>Mail over SMTP (MailKit, STARTTLS).</summary>
    Email,

    /// <summary>A JSON POST, shaped by a <see cref="WebhookTemplate"/>.</summary>
    Webhook,

    /// <summary>The dashboard's own inbox.</summary>
    Inbox,
}
