using System.Text.Json;
using KpiMonitor.SourceSimulator.Auth;
using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>
/// The path every data request takes: count it, authenticate (401 uses no fault), check the query
/// (400 uses no fault), apply slow/timeout/error500, then write the body under the body faults.
/// </summary>
internal abstract class DataEndpoint<TQuery>(SimulatorState state, IHostApplicationLifetime lifetime)
    where TQuery : struct
{
    protected SimulatorState State => state;

    /// <summary>One of <see cref="SimEndpoints.All"/>.</summary>
    protected abstract string Name { get; }

    protected abstract AuthScheme Scheme { get; }

    public async Task HandleAsync(HttpContext context)
    {
        state.Stats.CountRequest(Name);
        if (!await AuthGate.AdmitAsync(context, state, Scheme, Name))
        {
            return;
        }

        if (!TryParse(context.Request.Query, out var query, out string error))
        {
            await Reply.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", error);
            return;
        }

        if (!await FaultGate.PassAsync(context, state.Faults, Name, lifetime.ApplicationStopping))
        {
            return;
        }

        var faults = BodyFaults.Take(state.Faults, Name);
        using var body = new JsonBody();
        Write(body.Json, query, faults, state.Time.GetUtcNow());
        await body.SendAsync(context, faults);
    }

    protected abstract bool TryParse(IQueryCollection query, out TQuery parsed, out string error);

    /// <summary>Writes the whole answer for the instant <paramref name="now"/> (sampled once per request).</summary>
    protected abstract void Write(Utf8JsonWriter json, TQuery query, BodyFaults faults, DateTimeOffset now);
}
