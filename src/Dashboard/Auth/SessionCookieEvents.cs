using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Gives every sign-in (form or SSO) a session id written into its cookie, refuses on every request a cookie whose
/// session was ended by signing out, and sends API callers a status code where people get the login page.
/// </summary>
public sealed class SessionCookieEvents(ISessionRevocations revocations, TimeProvider time) : CookieAuthenticationEvents
{
    /// <summary>How long a sign-in cookie lives after its last renewal (sliding).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public const string SessionClaim = "kpimonitor:sid";
    public const string StartedClaim = "kpimonitor:sid_start";

    public override Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(SessionClaim) is null)
        {
            identity.AddClaim(new Claim(SessionClaim, Guid.NewGuid().ToString("N")));
            identity.AddClaim(new Claim(StartedClaim, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        // A cookie without a session (written before sessions were kept) cannot be revoked, so it is not accepted.
        if (Session(context.Principal) is not { } session
            || await revocations.IsRevokedAsync(session.Id, session.Started, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Ends the session of <paramref name="user"/> on the server, for as long as any of its cookies could live.</summary>
    public async Task RevokeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (Session(user) is { } session)
        {
            await revocations.RevokeAsync(session.Id, session.Started, time.GetUtcNow() + Lifetime, cancellationToken);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => ApiOr(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => ApiOr(context, StatusCodes.Status403Forbidden);

    private static (string Id, DateTimeOffset Started)? Session(ClaimsPrincipal? user)
    {
        string? id = user?.FindFirst(SessionClaim)?.Value;
        return !string.IsNullOrEmpty(id) && long.TryParse(user!.FindFirst(StartedClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms)
            ? (id, DateTimeOffset.FromUnixTimeMilliseconds(ms))
            : null;
    }

    /// <summary>API callers get a status code, people get the login page.</summary>
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        // Path and query only: the absolute address ASP.NET builds names the request's Host header, which the caller
        // chooses (Host: evil.example would send the browser there).
        string target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
