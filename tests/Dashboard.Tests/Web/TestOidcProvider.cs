using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KpiMonitor.Dashboard.Tests.Web;

/// <summary>
/// A tiny OpenID Connect provider on a loopback Kestrel port: discovery, JWKS with an RSA key made here,
/// an authorize endpoint that signs <see cref="NextUser"/> in at once, and a token endpoint that checks the
/// client secret, the redirect URI and the PKCE verifier before it returns a signed id_token. The dashboard
/// talks to it over real HTTP, as it would to Keycloak.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "kpimonitor-thu-nghiem";
    public const string ClientSecret = "bi-mat-client-thu-nghiem-2026";
    private const string KeyId = "khoa-1";
    private static readonly string[] Code = ["code"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];
    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _foreignRsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issued = new();

    private TestOidcProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = Code,
            ["subject_types_supported"] = Public,
            ["id_token_signing_alg_values_supported"] = Rs256,
            ["code_challenge_methods_supported"] = S256,
        }));
        _app.MapGet("/jwks", () =>
        {
            // Only the public half is published.
            var key = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/authorize", Approve);
        _app.MapPost("/token", TokenAsync);
    }

    /// <summary>What the next token says, to test the dashboard's checks.</summary>
    public enum Tampering
    {
        None,
        WrongNonce,
        ForeignKey,
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234</c>, which is also the Authority to configure.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Who signs in at the next authorize request.</summary>
    public ProviderUser NextUser { get; set; } = new("an.nv", "Nguyễn Văn An", ["ict-staff"]);

    public Tampering Tamper { get; set; }

    /// <summary>
    /// When set, authorize shows a sign-in page whose form the person sends, as Keycloak does; the way back to
    /// the dashboard then starts on the provider's site, which is what SameSite rules look at.
    /// </summary>
    public bool Interactive { get; set; }

    /// <summary>Every id_token and authorization code handed out, to check none reaches a log.</summary>
    public IReadOnlyList<string> Issued => [.. _issued];

    /// <summary>Token requests refused (bad client secret, PKCE verifier, redirect URI or code), with the reason.</summary>
    public ConcurrentQueue<string> TokenErrors { get; } = new();

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        await provider._app.StartAsync();
        string address = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = address.TrimEnd('/');
        return provider;
    }

    public bool IsProviderUrl(Uri url) => url.IsAbsoluteUri && url.GetLeftPart(UriPartial.Authority) == Issuer;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _foreignRsa.Dispose();
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest("client_id, response_type=code and an S256 code_challenge are required");
        }

        string code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _issued.Enqueue(code);
        _grants[code] = new Grant(q["redirect_uri"]!, q["code_challenge"]!, q["nonce"]!, q["state"]!, NextUser);
        return Interactive
            ? Results.Content($"""
                <!DOCTYPE html><html><body><form method="post" action="/authorize">
                <input type="hidden" name="code" value="{code}"><button type="submit">Đăng nhập tại nhà cung cấp</button>
                </form></body></html>
                """, "text/html; charset=utf-8")
            : BackToClient(code);
    }

    private async Task<IResult> Approve(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        return BackToClient(form["code"].ToString());
    }

    private IResult BackToClient(string code)
    {
        var grant = _grants[code];
        string separator = grant.RedirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return Results.Redirect($"{grant.RedirectUri}{separator}code={code}&state={Uri.EscapeDataString(grant.State)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        _grants.TryRemove(form["code"].ToString(), out var grant);
        string? error = grant is null || form["grant_type"] != "authorization_code" ? "unknown or used code"
            : form["client_id"] != ClientId || form["client_secret"] != ClientSecret ? "client authentication"
            : form["redirect_uri"] != grant.RedirectUri ? "redirect_uri"
            : Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge ? "PKCE verifier"
            : null;
        if (error is not null)
        {
            TokenErrors.Enqueue(error);
            return Results.Json(new { error = "invalid_grant", error_description = error }, statusCode: StatusCodes.Status400BadRequest);
        }

        string idToken = IdToken(grant!);
        _issued.Enqueue(idToken);
        return Results.Json(new { access_token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(Tamper == Tampering.ForeignKey ? _foreignRsa : _rsa) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "sub-" + grant.User.Username,
                ["nonce"] = Tamper == Tampering.WrongNonce ? "mot-nonce-khac" : grant.Nonce,
                ["preferred_username"] = grant.User.Username,
                ["name"] = grant.User.Name,
                ["roles"] = grant.User.Roles,
            },
        });
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string Nonce, string State, ProviderUser User);
}
