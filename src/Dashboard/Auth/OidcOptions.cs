namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Sign-in through the province's single sign-on (Keycloak or another OpenID Connect provider); off while
/// <see cref="Authority"/> is empty. docs/sso.md shows a Keycloak set-up, ADR 007 why it looks like this.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";
    public const string Scheme = "oidc";
    public const string HttpClientName = "oidc";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The provider's issuer, e.g. <c>https://sso.tinh.gov.vn/realms/tinh</c>; empty turns SSO off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>
    /// Only from the environment (<c>Auth__Oidc__ClientSecret</c>) or user secrets;
    /// a value in a JSON file stops the start. Empty for a public client (PKCE alone).
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Text of the login page's button; empty uses "Đăng nhập một lần (SSO)" (or its English text).</summary>
    public string? DisplayName { get; set; }

    /// <summary>The id_token claim holding the person's roles or groups, a flat string or array.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>IdP role or group value (compared ignoring case) to one of viewer, operator, admin.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>Scopes asked for besides <c>openid</c> and <c>profile</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>false only for a test provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
