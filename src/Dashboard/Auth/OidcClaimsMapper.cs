using System.Security.Claims;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Turns the claims of a validated id_token into a dashboard user with the same claims a local account has
/// (name, display_name, roles), so policies and pages need not know how someone signed in.
/// </summary>
public static class OidcClaimsMapper
{
    public const string AuthenticationType = "sso";

    /// <summary>The person's sign-in name: <c>preferred_username</c>, else the subject.</summary>
    public static string UserName(ClaimsPrincipal token) =>
        token.FindFirst("preferred_username")?.Value ?? token.FindFirst("sub")?.Value ?? "?";

    /// <summary>The values of the configured role claim, as the provider sent them.</summary>
    public static IReadOnlyList<string> ProviderRoles(ClaimsPrincipal token, OidcOptions options) =>
        [.. token.FindAll(options.RoleClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The dashboard user, or null when no provider role maps to a dashboard role.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal token, OidcOptions options)
    {
        var map = new Dictionary<string, string>(options.RoleMap, StringComparer.OrdinalIgnoreCase);
        string[] roles =
        [
            .. ProviderRoles(token, options)
                .Select(value => map.GetValueOrDefault(value))
                .OfType<string>()
                .Where(role => Roles.All.Contains(role, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal),
        ];
        if (roles.Length == 0)
        {
            return null;
        }

        string user = UserName(token);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user),
            new("display_name", token.FindFirst("name")?.Value ?? user),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }
}
