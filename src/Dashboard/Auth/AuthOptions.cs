using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>Accounts and the API key for integrations (the key itself comes from an environment variable or user secret).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<UserAccount> Users { get; set; } = [];

    /// <summary>Value expected in the <c>X-API-Key</c> header of JSON API calls; empty disables key access.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Sign-in attempts allowed per minute for one account name; beyond it the answer is 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Auth:LoginAttemptsPerMinute phải trong khoảng 1–10.000.")]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Sign-in attempts allowed per minute from one address, whatever the names tried. Generous, because a
    /// department's office signs in through one NAT address at 8:00; it stops a script trying many names.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Auth:LoginAttemptsPerMinutePerAddress phải trong khoảng 1–100.000.")]
    public int LoginAttemptsPerMinutePerAddress { get; set; } = 200;

    /// <summary>
    /// Folder that keeps the keys signing sign-in cookies and form tokens, so a restarted or recreated dashboard
    /// still accepts them; empty leaves ASP.NET Core's default (the user's home folder, lost with a container).
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>
    /// PKCS#12 (.pfx) certificate with its private key that encrypts the key ring at rest; empty keeps the keys
    /// unencrypted on disk (the demo; a warning is logged at start). A missing or unreadable file stops the start.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>Password of <see cref="KeyRingCertificatePath"/> (from a secret or environment variable, never a file in config/).</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
