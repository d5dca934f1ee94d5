using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>Error answers in the OAuth2 style every simulated system uses: <c>{ "error", "error_description" }</c>.</summary>
internal static class Reply
{
    public static async Task ErrorAsync(HttpContext context, int status, string error, string description)
    {
        using var body = new JsonBody();
        body.Json.WriteStartObject();
        body.Json.WriteString("error", error);
        body.Json.WriteString("error_description", description);
        body.Json.WriteEndObject();
        await body.SendAsync(context, default(BodyFaults), status);
    }
}
