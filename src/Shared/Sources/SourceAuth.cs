namespace KpiMonitor.Shared.Sources;

/// <summary>
/// Authentication of a source. Secrets are never in the file: <see cref="SecretKey"/> names a configuration
/// key (an environment variable such as <c>KPIMONITOR_EOFFICE_SECRET</c>, or a user secret) that holds it.
/// </summary>
public sealed record SourceAuth
{
    /// <summary>The scheme.</summary>
    public SourceAuthKind Kind { get; init; }

    /// <summary>Header name for API keys.</summary>
    public string Header { get; init; } = "X-API-Key";

    /// <summary>User name (Basic) or client id (OAuth2).</summary>
    public string? Username { get; init; }

    /// <summary>Token endpoint for OAuth2 client credentials (absolute, or relative to the source's base URL).</summary>
    public string? TokenUrl { get; init; }

    /// <summary>Optional OAuth2 scope.</summary>
    public string? Scope { get; init; }

    /// <summary>Configuration key holding the password, key, token or client secret.</summary>
    public string? SecretKey { get; init; }
}
