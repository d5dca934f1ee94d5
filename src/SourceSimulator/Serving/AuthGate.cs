using System.Security.Cryptography;
using System.Text;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>Lets a request in or answers 401 the way each system does.</summary>
internal static class AuthGate
{
    /// <summary>The challenge the contract fixes for a missing, unknown or expired bearer token.</summary>
    public const string BearerChallenge = "Bearer error=\"invalid_token\"";

    public static async Task<bool> AdmitAsync(HttpContext context, SimulatorState state, AuthScheme scheme, string endpoint)
    {
        var request = context.Request;
        var options = state.Options;
        string error, description;
        switch (scheme)
        {
            case AuthScheme.Bearer:
                string? token = Credential(request.Headers.Authorization.ToString(), "Bearer ");
                var check = state.Tokens.Check(token);
                if (check == TokenCheck.Valid && state.Faults.TryTake(endpoint, FaultMode.ExpiredToken) is not null)
                {
                    state.Tokens.Revoke(token!);
                    check = TokenCheck.Expired;
                }

                if (check == TokenCheck.Valid)
                {
                    return true;
                }

                context.Response.Headers.WWWAuthenticate = BearerChallenge;
                (error, description) = ("invalid_token", token is null ? "Bearer token required." : check == TokenCheck.Expired ? "Token expired." : "Token unknown.");
                break;

            case AuthScheme.ApiKey:
                if (Same(request.Headers["X-API-Key"].ToString(), options.ApiKey))
                {
                    return true;
                }

                (error, description) = ("invalid_api_key", "A valid X-API-Key header is required.");
                break;

            default:
                string? basic = Credential(request.Headers.Authorization.ToString(), "Basic ");
                if (basic is not null && Same(Decode(basic), $"{options.BasicUser}:{options.BasicPassword}"))
                {
                    return true;
                }

                context.Response.Headers.WWWAuthenticate = "Basic realm=\"dichvucong\", charset=\"UTF-8\"";
                (error, description) = ("unauthorized", "HTTP Basic credentials required.");
                break;
        }

        state.Stats.CountUnauthorized(endpoint);
        await Reply.ErrorAsync(context, StatusCodes.Status401Unauthorized, error, description);
        return false;
    }

    /// <summary>The credential after a scheme name in an Authorization header, or null.</summary>
    internal static string? Credential(string header, string scheme) =>
        header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;

    internal static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    /// <summary>Compares in constant time, so the demo does not teach a timing leak.</summary>
    internal static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
