using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>How the outbox retries a failing channel, and the SMTP and HTTP settings every channel shares.</summary>
public sealed class DeliveryOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Alerts:Delivery";

    /// <summary>Attempts per digest within one delivery round; what still fails waits for the next round.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the second attempt; doubled before each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>TLS on SMTP: STARTTLS when the server offers it unless set otherwise (<c>StartTls</c> requires it).</summary>
    public SecureSocketOptions SmtpSecurity { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Time limit of one SMTP or HTTP exchange.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
