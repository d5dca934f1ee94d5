using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Replaces the provider's claims by a dashboard user before the cookie is written, and turns every
/// refusal into a page a person understands. Logs name the user, never a token, code or secret.
/// </summary>
public sealed class OidcSignInEvents(IOptions<OidcOptions> options, ILogger<OidcSignInEvents> logger) : OpenIdConnectEvents
{
    public const string AccessDeniedPath = "/khong-co-quyen";
    public const string FailedPath = "/dang-nhap?sso=loi";

    /// <summary>Tells the access-denied page, for one minute, that the provider knew the person but KpiMonitor gives them no role.</summary>
    public const string NoRoleCookie = "kpimonitor.sso.chua-co-vai-tro";

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var token = context.Principal!;
        string user = OidcClaimsMapper.UserName(token);
        var principal = OidcClaimsMapper.Map(token, options.Value);
        if (principal is null)
        {
            logger.LogWarning("Đăng nhập một lần bị từ chối: tài khoản {User} không có vai trò nào trong Auth:Oidc:RoleMap (giá trị {RoleClaim}: {Values})",
                user, options.Value.RoleClaim, OidcClaimsMapper.ProviderRoles(token, options.Value));
            context.Response.Cookies.Append(NoRoleCookie, "1", new CookieOptions
            {
                Path = AccessDeniedPath,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromMinutes(1),
            });
            context.Response.Redirect(AccessDeniedPath);
            context.HandleResponse();
            return Task.CompletedTask;
        }

        logger.LogInformation("Đăng nhập một lần: {User} với vai trò {Roles}", user,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        context.Principal = principal;
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        // The handler's messages (state, correlation, nonce, signature) carry no token: IdentityModel hides
        // personal data and key material unless told otherwise, which this app never does.
        logger.LogWarning("Đăng nhập một lần không thành công: {Reason}", context.Failure?.Message);
        string target = FailedPath;
        if (context.Properties?.RedirectUri is { } back && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal)
            && !back.StartsWith("/\\", StringComparison.Ordinal))
        {
            target += "&ReturnUrl=" + Uri.EscapeDataString(back);
        }

        context.Response.Redirect(target);
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
