using KpiMonitor.SourceSimulator.Control;
using KpiMonitor.SourceSimulator.Serving;

namespace KpiMonitor.SourceSimulator;

/// <summary>Maps the simulated systems of docs/source-apis.md and the test-only control API.</summary>
public static class SimulatorApplicationExtensions
{
    public static WebApplication MapSourceSimulator(this WebApplication app)
    {
        var state = app.Services.GetRequiredService<SimulatorState>();
        var lifetime = app.Lifetime;
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.Ordinal), b => b.Use(ControlEndpoints.LoopbackOnlyAsync));

        app.MapPost(TokenEndpoint.Path, new TokenEndpoint(state, lifetime).HandleAsync);
        app.MapGet(EOfficeEndpoint.Path, new EOfficeEndpoint(state, lifetime).HandleAsync);
        app.MapGet(OneStopStatsEndpoint.Path, new OneStopStatsEndpoint(state, lifetime).HandleAsync);
        app.MapGet(OneStopDossiersEndpoint.Path, new OneStopDossiersEndpoint(state, lifetime).HandleAsync);
        app.MapGet(AntiMalwareEndpoint.Path, new AntiMalwareEndpoint(state, lifetime).HandleAsync);
        app.MapGet(PortalEndpoint.Path, new PortalEndpoint(state, lifetime).HandleAsync);
        ControlEndpoints.Map(app, new ControlEndpoints(state, app.Services.GetRequiredService<ILogger<ControlEndpoints>>()));
        app.MapGet("/", (RequestDelegate)(c => c.Response.WriteAsync(Describe(), c.RequestAborted)));

        app.Logger.LogInformation(
            "Source simulator: {Units} units ({Origin}), seed {Seed}, token lifetime {Lifetime}",
            state.Units.All.Count,
            state.Options.SyntheticUnits > 0 ? "synthetic" : "catalogue",
            state.Options.Seed,
            state.Options.TokenLifetime);
        return app;
    }

    private static string Describe() =>
        $"""
        KpiMonitor source simulator (docs/source-apis.md)
        POST {TokenEndpoint.Path}
        GET  {EOfficeEndpoint.Path}?period=yyyy-MM&page=&pageSize=      (Bearer)
        GET  {OneStopStatsEndpoint.Path}?period=yyyy-MM&page=&pageSize=   (Bearer)
        GET  {OneStopDossiersEndpoint.Path}?period=yyyy-MM&page=&pageSize=     (Bearer)
        GET  {AntiMalwareEndpoint.Path}?page=&pageSize=   (X-API-Key)
        GET  {PortalEndpoint.Path}?nam=yyyy&thang=M   (Basic)
        Test-only, loopback: POST/DELETE {ControlEndpoints.Prefix}/faults, GET {ControlEndpoints.Prefix}/stats,
        GET {ControlEndpoints.Prefix}/truth/{"{system}"}?period=, GET {ControlEndpoints.Prefix}/mapping/antimalware.csv

        """;
}
