using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>Accounts and the API key for integrations (the key itself comes from an environment variable or user secret).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<UserAccount> Users { get; set; } = [];

    /// <summary>Value expected in the <c>X-API-Key</c> header of JSON API calls (<c>/api</c> only); empty disables key access.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Wrong API keys allowed per minute from one address; beyond it the API answers 429 with Retry-After.</summary>
    [Range(1, 100_000, ErrorMessage = "Auth:ApiKeyFailuresPerMinutePerAddress phải trong khoảng 1–100.000.")]
    public int ApiKeyFailuresPerMinutePerAddress { get; set; } = 10;

    /// <summary>Failed sign-ins allowed per minute for one account from one address; beyond it the answer is 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Auth:LoginAttemptsPerMinute phải trong khoảng 1–10.000.")]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Failed sign-ins allowed per minute from one address, whatever the names tried: it stops a script trying many
    /// names. Successful sign-ins do not count, so a department's office signing in through one NAT address at 8:00 is never turned away.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Auth:LoginAttemptsPerMinutePerAddress phải trong khoảng 1–100.000.")]
    public int LoginAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>
    /// Failed sign-ins allowed per minute for one account from all addresses together (guessing spread over many
    /// addresses); beyond it only addresses the account signed in from during the last 30 days may still try.
    /// Never below <see cref="LoginAttemptsPerMinute"/>.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Auth:LoginFailuresPerMinutePerAccount phải trong khoảng 1–100.000.")]
    public int LoginFailuresPerMinutePerAccount { get; set; } = 50;

    /// <summary>
    /// How often a replica reads the sessions other replicas ended by signing out (ADR 016): a copied cookie opens
    /// pages on another replica for at most this long after a sign-out. 0 reads on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Auth:SessionCheckInterval phải từ 00:00:00 đến 00:10:00 (mặc định 00:00:05).")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

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
