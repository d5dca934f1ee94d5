using System.Globalization;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Assessments;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Rollups;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Api;

/// <summary>
/// The read-only JSON API (README, "JSON API"). Session or <c>X-API-Key</c>. Unknown codes give 404, malformed
/// parameters 400, each with a message saying which parameter and why.
/// </summary>
public static class KpiApi
{
    public static void MapKpiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/kpis", (Catalog catalog) => catalog.Kpis.All.Select(k => new
        {
            k.Code, k.NameVi, k.NameEn, Kind = k.Kind.ToString(), k.DisplayUnit, Direction = k.Direction.ToString(),
            Rollup = k.Rollup.ToString(), Period = k.Period.ToString(), k.SourceSystem, k.DefinitionVi,
        }));
        api.MapGet("/units", (Catalog catalog, string? asOf, TimeProvider time) =>
        {
            if (!TryDate(asOf, time, out var day))
            {
                return Problem(400, "asOf", DateRule);
            }

            var snapshot = catalog.Units.AsOf(day);
            return Results.Ok(catalog.Units.Units.Where(u => snapshot.Exists(u.Code)).Select(u => new
            {
                u.Code, u.NameVi, u.NameEn, u.Level, Parent = snapshot.ParentOf(u.Code)?.Code,
            }));
        });
        api.MapGet("/kpis/{code}/latest", async (string code, string? unit, string? asOf, Catalog catalog, ITimeSeriesStore store, TimeProvider time, CancellationToken ct) =>
        {
            if (catalog.Kpis.Find(code) is null)
            {
                return Problem(404, "code", $"chỉ tiêu '{code}' không có trong danh mục");
            }

            string root = catalog.Or(unit, time);
            if (!catalog.Units.Contains(root))
            {
                return Problem(404, "unit", $"đơn vị '{root}' không có trong danh mục");
            }

            if (!TryDate(asOf, time, out var day))
            {
                return Problem(400, "asOf", DateRule);
            }

            var at = VietnamTime.StartOf(day.AddDays(1)).AddTicks(-1);
            var units = catalog.Units.AsOf(day).SubtreeOf(root);
            var values = await store.GetLatestAsync(code, at, units, ct);
            // The subtree's figures are all here: combined as KpiReader combines them, without reading them again.
            var rollup = Rollup.Combine(catalog.Kpis.Find(code)!, root, values.Select(v => (v.Unit, v.Value, v.Numerator, v.Denominator)));
            return Results.Ok(new { Kpi = code, Unit = root, AsOf = day, Rollup = rollup, Units = values });
        });
        api.MapGet("/kpis/{code}/series", async (string code, string? unit, int? months, string? grain, Catalog catalog, KpiReader reader, TimeProvider time, CancellationToken ct) =>
        {
            if (catalog.Kpis.Find(code) is null)
            {
                return Problem(404, "code", $"chỉ tiêu '{code}' không có trong danh mục");
            }

            string root = catalog.Or(unit, time);
            if (!catalog.Units.Contains(root))
            {
                return Problem(404, "unit", $"đơn vị '{root}' không có trong danh mục");
            }

            if (!PeriodQuery.MonthsValid(months))
            {
                return Problem(400, "months", PeriodQuery.MonthsRule);
            }

            if (!PeriodQuery.TryGrain(grain, out var granularity))
            {
                return Problem(400, "grain", "chọn một trong: day, week, month, quarter, year");
            }

            var to = VietnamTime.StartOf(PeriodBucket.Next(PeriodBucket.Floor(VietnamTime.DateOf(time.GetUtcNow()), PeriodGranularity.Month), PeriodGranularity.Month));
            var from = to.AddMonths(-(months ?? 24));
            try
            {
                return Results.Ok(new { Kpi = code, Unit = root, Granularity = granularity.ToString(), Points = await reader.GetSeriesAsync(code, root, from, to, granularity, ct) });
            }
            catch (ArgumentException ex)
            {
                return Problem(400, "grain", ex.Message);
            }
        });
        api.MapGet("/kpis/{code}/assessment", async (string code, string? unit, string? month, Catalog catalog, KpiAssessor assessor, TimeProvider time, CancellationToken ct) =>
        {
            if (catalog.Kpis.Find(code) is not { } kpi)
            {
                return Problem(404, "code", $"chỉ tiêu '{code}' không có trong danh mục");
            }

            string unitCode = catalog.Or(unit, time);
            if (catalog.Units.Find(unitCode) is not { } root)
            {
                return Problem(404, "unit", $"đơn vị '{unitCode}' không có trong danh mục");
            }

            if (!OverviewMonth.TryParse(month, VietnamTime.DateOf(time.GetUtcNow()), out var chosen))
            {
                return Problem(400, "month", MonthRule);
            }

            // The unit and its children for the KPI's period holding the month, as the overview tile and the KPI page's table judge them.
            var self = await assessor.AssessAsync(kpi, root, chosen, ct);
            var children = await assessor.ChildrenAsync(kpi, root, chosen, ct);
            return Results.Ok(new
            {
                Kpi = code, Unit = root.Code, Granularity = self.Granularity.ToString(), self.Period, self.InProgress,
                Assessment = AssessmentJson(self), Children = children.Select(AssessmentJson),
            });
        });
    }

    // No date means today in Vietnam, by the app's clock.
    private static bool TryDate(string? text, TimeProvider time, out DateOnly day)
    {
        day = VietnamTime.DateOf(time.GetUtcNow());
        return text is null
            || (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                && day.Year is >= ManualPeriod.MinYear and <= ManualPeriod.MaxYear);
    }

    // The same years the pages and the import rules accept; 9999-12-31 would overflow the day's last tick.
    private static readonly string DateRule =
        $"phải là ngày yyyy-MM-dd trong các năm {ManualPeriod.MinYear}–{ManualPeriod.MaxYear}";

    private static readonly string MonthRule =
        $"phải là tháng yyyy-MM trong các năm {ManualPeriod.MinYear}–{ManualPeriod.MaxYear}";

    private static object AssessmentJson(KpiAssessment a) => new
    {
        Unit = a.Unit.Code, a.Unit.Level, a.Value, Previous = a.Previous.Value, LastYear = a.LastYear.Value,
        Target = a.Target?.Value, Status = a.Status.ToString(), a.Rank, a.PreviousRank, a.Movement,
    };

    private static IResult Problem(int status, string parameter, string message) =>
        Results.Json(new { error = $"Tham số '{parameter}': {message}.", parameter }, statusCode: status);
}
