using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Integrations (a provincial operations centre) call the JSON API under <c>/api</c> with an <c>X-API-Key</c>
/// header; they get the viewer role. The key opens nothing else: pages, charts and exports need a signed-in person.
/// Wrong keys are counted per address (<c>Auth:ApiKeyFailuresPerMinutePerAddress</c>); beyond the limit the address
/// gets 429 with <c>Retry-After</c>, whatever key it sends, until its minute is over.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<AuthOptions> auth, ApiKeyThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-API-Key";
    public const string ApiPath = "/api";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private TimeSpan? _refusedFor;

    /// <summary>Whether a request may be authenticated by key at all: only the JSON API.</summary>
    public static bool Covers(HttpRequest request) => request.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Covers(Request) || !Request.Headers.TryGetValue(Header, out var given) || string.IsNullOrEmpty(auth.Value.ApiKey))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var address = Context.Connection.RemoteIpAddress;
        if (throttle.Refusal(address) is { } wait)
        {
            _refusedFor = wait;
            return Task.FromResult(AuthenticateResult.Fail("Quá nhiều khóa API sai từ địa chỉ này."));
        }

        bool match = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(auth.Value.ApiKey));
        if (!match)
        {
            throttle.Failed(address);
            return Task.FromResult(AuthenticateResult.Fail("Khóa API không đúng."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api"), new Claim(ClaimTypes.Role, Roles.Viewer)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_refusedFor is not { } wait)
        {
            await base.HandleChallengeAsync(properties);
            return;
        }

        // Written here with its length, so the API's error answer leaves it (and its Retry-After) as it is.
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new { error = "Quá nhiều lần gửi khóa API sai từ địa chỉ này; vui lòng đợi một phút (Retry-After)." }, Json);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        Response.ContentType = "application/json; charset=utf-8";
        Response.ContentLength = body.Length;
        await Response.Body.WriteAsync(body, Context.RequestAborted);
    }
}
