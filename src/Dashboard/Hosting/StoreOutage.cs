using System.Globalization;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// A request that needed the store while it does not answer (InfluxDB down, a SQLite file locked away) gets a 503 with
/// Retry-After instead of a 500: people see the error page saying that the store does not answer and that nothing
/// collected is lost, the API a JSON 503 (<see cref="ApiErrors"/>). One warning line per request, no stack trace: the
/// store's own log lines already say where it failed.
/// </summary>
public sealed class StoreOutage(RequestDelegate next, ILogger<StoreOutage> logger)
{
    /// <summary>Seconds a browser or an integration is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    private const string Item = "KpiMonitor.StoreOutage";

    /// <summary>Whether this request failed because the store did not answer (the error page asks, when re-executed).</summary>
    public static bool Happened(HttpContext context) => context.Items.ContainsKey(Item);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (TimeSeriesStoreException ex) when (!context.Response.HasStarted)
        {
            logger.LogWarning("Không trả lời được {Path}: kho số liệu không trả lời ({Error})", context.Request.Path, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Items[Item] = true;
        }
    }
}
