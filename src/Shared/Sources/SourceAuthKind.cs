namespace KpiMonitor.Shared.Sources;

/// <summary>How the collector authenticates to a source.</summary>
public enum SourceAuthKind
{
    /// <summary>No authentication.</summary>
    None,

    /// <summary>A fixed key in a header (default <c>X-API-Key</c>).</summary>
    ApiKey,

    /// <summary>HTTP Basic.</summary>
    Basic,

    /// <summary>A fixed bearer token.</summary>
    Bearer,

    /// <summary>OAuth2 client credentials (LGSP gateways, Keycloak); the token is cached until it expires.</summary>
    OAuth2ClientCredentials,
}
