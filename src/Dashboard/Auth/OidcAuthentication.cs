using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>The optional OpenID Connect scheme (ADR 007): code flow with PKCE that ends in the ordinary sign-in cookie.</summary>
public static class OidcAuthentication
{
    /// <summary>Whether the configuration turns SSO on; decided once at start, like the demo.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(OidcOptions.Section).Get<OidcOptions>()?.Enabled == true;

    /// <summary>Always binds and validates <c>Auth:Oidc</c>; adds the scheme only when it has an Authority.</summary>
    public static AuthenticationBuilder AddOptionalOpenIdConnect(this AuthenticationBuilder auth, IConfiguration configuration)
    {
        var services = auth.Services;
        services.AddOptionsWithValidateOnStart<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section));
        services.AddSingleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>();
        if (!IsEnabled(configuration))
        {
            return auth;
        }

        services.AddSingleton<OidcSignInEvents>();
        // The handler keeps one client for its lifetime, so connections are recycled by the socket handler instead
        // of the factory. The token request is never retried: an authorization code is good for one use only.
        services.AddHttpClient(OidcOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
        auth.AddOpenIdConnect(OidcOptions.Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(OidcOptions.Scheme)
            .Configure<IOptions<OidcOptions>, IHttpClientFactory>((o, sso, http) => Configure(o, sso.Value, http));
        return auth;
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions sso, IHttpClientFactory http)
    {
        o.Authority = sso.Authority;
        o.ClientId = sso.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;
        o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
        o.Backchannel = http.CreateClient(OidcOptions.HttpClientName);
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET, so the correlation and nonce cookies can be
        // SameSite=Lax and work on plain http in a trial too; PKCE makes a code seen in a log useless.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.MapInboundClaims = false;
        o.DisableTelemetry = true;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        foreach (string scope in sso.Scopes.Where(s => !o.Scope.Contains(s)))
        {
            o.Scope.Add(scope);
        }

        o.CallbackPath = OidcOptions.CallbackPath;
        // Front-channel logout is not offered: with no session id to compare, any page could sign people out.
        o.RemoteSignOutPath = PathString.Empty;
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.TokenValidationParameters.NameClaimType = "preferred_username";
        o.TokenValidationParameters.RoleClaimType = sso.RoleClaim;
        o.EventsType = typeof(OidcSignInEvents);
    }
}
