using System.Globalization;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Dashboard.Alerting;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Dashboard.Api;

/// <summary>
/// Alerts in the JSON API (README, "JSON API"): <c>GET /api/alerts</c> the open ones (pending and firing) and
/// <c>GET /api/alerts/history</c> the history, newest first, a page at a time. Session or <c>X-API-Key</c>; filters
/// <c>unit</c> (with the units below it), <c>kpi</c>, <c>severity</c> (warning, critical), <c>from</c>/<c>to</c>
/// (yyyy-MM-dd, Vietnamese days); a malformed one gives 400 naming it. Names are Vietnamese, as in the catalogue.
/// </summary>
public static class AlertApi
{
    public const int MaxPageSize = 500;

    public static void MapAlertApi(this IEndpointRouteBuilder app)
    {
        // Alert events, not rollups: answered while the rollups are still being read at start.
        var api = app.MapGroup("/api/alerts").RequireAuthorization().WithMetadata(new Hosting.WithoutWarmupAttribute());
        api.MapGet("", async (string? unit, string? kpi, string? severity, string? from, string? to, string? phase,
            AlertReader reader, Catalog catalog, TimeProvider time, CancellationToken ct) =>
        {
            var filter = AlertFilter.Parse(unit, kpi, severity, from, to, catalog, Cultures.Vietnamese, out var problems);
            if (problems.Count > 0)
            {
                return Problem(problems[0]);
            }

            if (phase is not (null or "firing" or "pending"))
            {
                return Problem(("phase", "chọn firing hoặc pending"));
            }

            var overview = await reader.GetAsync(ct);
            var alerts = filter.Apply(overview.Open, catalog, VietnamTime.DateOf(time.GetUtcNow()))
                .Where(a => phase is null || string.Equals(a.Phase.ToString(), phase, StringComparison.OrdinalIgnoreCase))
                .Select(a => Open(a, catalog))
                .ToList();
            return Results.Ok(new { LastEvaluation = overview.LastEventAt, Count = alerts.Count, Alerts = alerts });
        });
        api.MapGet("/history", async (string? unit, string? kpi, string? severity, string? from, string? to, int? page, int? pageSize,
            AlertReader reader, Catalog catalog, TimeProvider time, CancellationToken ct) =>
        {
            var filter = AlertFilter.Parse(unit, kpi, severity, from, to, catalog, Cultures.Vietnamese, out var problems);
            if (problems.Count > 0)
            {
                return Problem(problems[0]);
            }

            if (page is < 1)
            {
                return Problem(("page", "phải từ 1 trở lên"));
            }

            if (pageSize is < 1 or > MaxPageSize)
            {
                return Problem(("pageSize", string.Create(CultureInfo.InvariantCulture, $"phải từ 1 đến {MaxPageSize}")));
            }

            var overview = await reader.GetAsync(ct);
            int size = pageSize ?? 100;
            int number = page ?? 1;
            var matching = filter.Apply(overview.History, catalog, VietnamTime.DateOf(time.GetUtcNow())).ToList();
            return Results.Ok(new
            {
                Total = matching.Count, Page = number, PageSize = size,
                Items = matching.Skip((number - 1) * size).Take(size).Select(e => History(e, catalog)),
            });
        });
    }

    private static object Open(AlertView a, Catalog catalog) => new
    {
        a.Key.Id, a.Key.Rule, a.Key.Unit, UnitName = UnitName(a.Key.Unit, catalog), a.Key.Kpi, KpiName = KpiName(a.Key.Kpi, catalog),
        a.Key.Source, Phase = a.Phase.ToString().ToLowerInvariant(), Severity = AlertText.Code(a.Severity), a.Summary, a.Since, a.State.FiredAt,
        a.State.Snapshot?.Value, a.State.Snapshot?.Target, a.State.Acknowledged, a.RequestedAcknowledgement, a.Silenced, Link = a.Key.PageLink(null),
    };

    private static object History(AlertHistoryEntry e, Catalog catalog) => new
    {
        e.At, e.Key.Id, e.Key.Rule, e.Key.Unit, UnitName = UnitName(e.Key.Unit, catalog), e.Key.Kpi, KpiName = KpiName(e.Key.Kpi, catalog),
        e.Key.Source, Kind = JsonName(e.Kind.ToString()), Severity = AlertText.Code(e.Severity), e.Summary, e.By, e.Note,
    };

    private static string? UnitName(string? code, Catalog catalog) => code is null ? null : catalog.UnitName(code, Cultures.Vietnamese);

    private static string? KpiName(string? code, Catalog catalog) => code is null ? null : catalog.KpiName(code, Cultures.Vietnamese);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static IResult Problem((string Parameter, string Problem) problem) =>
        Results.Json(new { error = $"Tham số '{problem.Parameter}': {problem.Problem.TrimEnd('.')}.", parameter = problem.Parameter }, statusCode: 400);
}
