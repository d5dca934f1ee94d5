using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>
/// <c>POST /auth/realms/lgsp/protocol/openid-connect/token</c>: OAuth2 client credentials as Keycloak
/// answers them. The client may send its id and secret in the form or as HTTP Basic (both are Keycloak's).
/// </summary>
internal sealed class TokenEndpoint(SimulatorState state, IHostApplicationLifetime lifetime)
{
    public const string Path = "/auth/realms/lgsp/protocol/openid-connect/token";

    private static readonly JsonEncodedText AccessToken = JsonEncodedText.Encode("access_token");
    private static readonly JsonEncodedText ExpiresIn = JsonEncodedText.Encode("expires_in");
    private static readonly JsonEncodedText TokenType = JsonEncodedText.Encode("token_type");

    public async Task HandleAsync(HttpContext context)
    {
        const string endpoint = SimEndpoints.Token;
        state.Stats.CountRequest(endpoint);
        if (!context.Request.HasFormContentType)
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "Send application/x-www-form-urlencoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "Only client_credentials is supported.");
            return;
        }

        string id = form["client_id"].ToString(), secret = form["client_secret"].ToString();
        if (AuthGate.Credential(context.Request.Headers.Authorization.ToString(), "Basic ") is { } basic
            && AuthGate.Decode(basic).Split(':', 2) is [var basicId, var basicSecret])
        {
            (id, secret) = (Uri.UnescapeDataString(basicId), Uri.UnescapeDataString(basicSecret));
        }

        if (!AuthGate.Same(id, state.Options.ClientId) || !AuthGate.Same(secret, state.Options.ClientSecret))
        {
            state.Stats.CountUnauthorized(endpoint);
            await Reply.ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "Invalid client credentials.");
            return;
        }

        if (!await FaultGate.PassAsync(context, state.Faults, endpoint, lifetime.ApplicationStopping))
        {
            return;
        }

        var faults = BodyFaults.Take(state.Faults, endpoint);
        using var body = new JsonBody();
        var json = body.Json;
        json.WriteStartObject();
        if (!faults.MissingFields)
        {
            json.WriteString(AccessToken, state.Tokens.Issue());
        }

        JsonFields.Target(json, ExpiresIn, (int)state.Tokens.Lifetime.TotalSeconds, faults, faults.WrongTypes ? ItemDisturbance.WrappedInObject : ItemDisturbance.None);
        json.WriteString(TokenType, "Bearer");
        json.WriteEndObject();
        await body.SendAsync(context, faults);
    }
}
