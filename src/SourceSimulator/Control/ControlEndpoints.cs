using System.Net;
using System.Text.Json;
using KpiMonitor.SourceSimulator.Faults;
using KpiMonitor.SourceSimulator.Periods;
using KpiMonitor.SourceSimulator.Serving;

namespace KpiMonitor.SourceSimulator.Control;

/// <summary>
/// TEST-ONLY control API under <c>/_control</c>: switch faults, read counters, read the truth, read the
/// anti-malware mapping. No authentication, so it answers loopback callers only.
/// </summary>
internal sealed class ControlEndpoints(SimulatorState state, ILogger<ControlEndpoints> logger)
{
    public const string Prefix = "/_control";

    public static void Map(IEndpointRouteBuilder routes, ControlEndpoints control)
    {
        routes.MapPost(Prefix + "/faults", control.SetFaultAsync);
        routes.MapDelete(Prefix + "/faults", control.ClearFaults);
        routes.MapGet(Prefix + "/stats", control.StatsAsync);
        routes.MapGet(Prefix + "/truth/{system}", control.TruthAsync);
        routes.MapGet(Prefix + "/mapping/antimalware.csv", control.MappingAsync);
    }

    /// <summary>Refuses control requests that do not come from this machine.</summary>
    public static async Task LoopbackOnlyAsync(HttpContext context, RequestDelegate next)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            await Reply.ErrorAsync(context, StatusCodes.Status403Forbidden, "forbidden", "The control API answers loopback callers only.");
            return;
        }

        await next(context);
    }

    private async Task SetFaultAsync(HttpContext context)
    {
        FaultRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, ControlJsonContext.Default.FaultRequest, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", $"Body is not a fault request: {ex.Message}");
            return;
        }

        if (request?.Endpoint is not { } endpoint || !FaultModes.TryParse(request.Mode, out var mode))
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request",
                $"Give endpoint ({string.Join(", ", SimEndpoints.All)}) and mode ({string.Join(", ", FaultModes.Names)}).");
            return;
        }

        ActiveFault fault;
        try
        {
            fault = state.Faults.Set(endpoint, mode, request.Count, request.DelayMs ?? 1000);
        }
        catch (ArgumentException ex)
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", ex.Message);
            return;
        }

        logger.LogInformation("Fault {Mode} on {Endpoint} for {Count} answers", request.Mode, endpoint, fault.Remaining?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
        await context.Response.WriteAsJsonAsync(FaultView.Of(fault), ControlJsonContext.Default.FaultView, cancellationToken: context.RequestAborted);
    }

    private Task ClearFaults(HttpContext context)
    {
        string? endpoint = context.Request.Query["endpoint"].FirstOrDefault();
        state.Faults.Clear(endpoint);
        logger.LogInformation("Faults cleared on {Endpoint}", endpoint ?? "every endpoint");
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private Task StatsAsync(HttpContext context)
    {
        var report = new StatsReport(
            SimEndpoints.All.ToDictionary(e => e, state.Stats.Requests),
            SimEndpoints.All.ToDictionary(e => e, state.Stats.Unauthorized),
            state.Tokens.Issued,
            state.Tokens.Active,
            state.Faults.Active.Select(FaultView.Of).ToArray());
        return context.Response.WriteAsJsonAsync(report, ControlJsonContext.Default.StatsReport, cancellationToken: context.RequestAborted);
    }

    private async Task TruthAsync(HttpContext context)
    {
        string system = context.GetRouteValue("system") as string ?? "";
        string? text = context.Request.Query["period"].FirstOrDefault();
        var period = MonthPeriod.Containing(state.Time.GetUtcNow());
        if (text is not null && !MonthPeriod.TryParse(text, out period))
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "period must be a month written yyyy-MM.");
            return;
        }

        using var body = new JsonBody();
        if (!TruthWriter.TryWrite(body.Json, state, system, period))
        {
            await Reply.ErrorAsync(context, StatusCodes.Status404NotFound, "unknown_system", $"Known systems: {string.Join(", ", TruthWriter.Systems)}.");
            return;
        }

        await body.SendAsync(context, default);
    }

    private Task MappingAsync(HttpContext context)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        return context.Response.WriteAsync(state.Units.AntiMalwareMappingCsv(), context.RequestAborted);
    }
}
