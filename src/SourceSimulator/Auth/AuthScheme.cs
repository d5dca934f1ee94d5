namespace KpiMonitor.SourceSimulator.Auth;

/// <summary>How a system authenticates callers (docs/source-apis.md, "Authentication").</summary>
public enum AuthScheme
{
    /// <summary>OAuth2 bearer token from the realm's token endpoint (e-office, one-stop).</summary>
    Bearer,

    /// <summary><c>X-API-Key</c> header (anti-malware console).</summary>
    ApiKey,

    /// <summary>HTTP Basic (national portal).</summary>
    Basic,
}
