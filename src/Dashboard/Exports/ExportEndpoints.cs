using System.Globalization;
using KpiMonitor.Alerts.Reading;
using KpiMonitor.Dashboard.Alerting;
using KpiMonitor.Dashboard.Auth;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.ManualEntry;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>
/// Downloads of the pages' tables, each as .csv or .xlsx: /chi-tieu/{kpi}/xuat?unit=&amp;level=&amp;sort=&amp;dir= (the KPI
/// page's child table with the reader's level filter and order), /don-vi/{unit}/xuat?month=yyyy-MM (the unit's KPIs of a
/// month, as the overview's tiles), /don-vi/{unit}/do-moi (its data freshness), /nguon-du-lieu/xuat, /nhap-lieu/nhat-ky
/// (the audit trail, operators and admins) and /quan-tri/muc-tieu (the targets, admins).
/// </summary>
public static class ExportEndpoints
{
    // Any other ending is no route at all, so it gets the friendly 404 like any unknown address.
    private const string Format = "{format:regex(^(csv|xlsx)$)}";

    public static void MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chi-tieu/{code}/xuat." + Format, async (string code, string format, string? unit, string? sort, string? dir, string? level,
            HttpContext context, Catalog catalog, ChildRanking ranking, TimeProvider time, CancellationToken ct) =>
        {
            var today = VietnamTime.DateOf(time.GetUtcNow());
            var kpi = catalog.Kpis.Find(code);
            var parent = catalog.Units.Find(catalog.Or(unit, time));
            if (kpi is null || parent is null || !ChildTableQuery.TryParse(sort, dir, level, catalog.Units, out var query))
            {
                return Results.NotFound();
            }

            var culture = CultureInfo.CurrentCulture;
            // No period parameter, as on the KPI page: the table ranks the period running today.
            var table = await ranking.TableAsync(kpi, parent, today, query, culture, ct);
            var (headers, rows) = ExportTables.Children(kpi, table.Rows, table.Period, culture);
            string levelName = query.Level is { } l && catalog.Units.FindLevel(l) is { } found ? $" - {found.Name(culture)}" : "";
            string name = $"{kpi.Name(culture)} - {parent.Name(culture)}{levelName} - {today.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
            return File(context, format, name, UiText.Get("children", culture), headers, rows);
        });
        app.MapGet("/nguon-du-lieu/xuat." + Format, async (string format, HttpContext context, SourceStatusQuery sources, TimeProvider time, CancellationToken ct) =>
        {
            var culture = CultureInfo.CurrentCulture;
            var (headers, rows) = ExportTables.Sources(await sources.AllAsync(ct), context.User, culture);
            string name = $"{UiText.Get("sources", culture)} - {Today(time)}";
            return File(context, format, name, UiText.Get("sources", culture), headers, rows);
        }).WithMetadata(new WithoutWarmupAttribute()); // source health, not rollups
        app.MapGet("/don-vi/{code}/xuat." + Format, async (string code, string format, string? month, HttpContext context, Catalog catalog,
            OverviewService overview, TimeProvider time, CancellationToken ct) =>
        {
            var unit = catalog.Units.Find(code);
            if (unit is null || !OverviewMonth.TryParse(month, VietnamTime.DateOf(time.GetUtcNow()), out var chosen))
            {
                return Results.NotFound();
            }

            var culture = CultureInfo.CurrentCulture;
            var (headers, rows) = ExportTables.Tiles(await overview.TilesAsync(unit.Code, chosen, ct), culture);
            string name = $"{UiText.Get("overview", culture)} - {unit.Name(culture)} - {chosen.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
            return File(context, format, name, UiText.Get("overview", culture), headers, rows);
        });
        app.MapGet("/don-vi/{code}/do-moi." + Format, async (string code, string format, HttpContext context, Catalog catalog,
            SourceStatusQuery sources, ConfiguredSources configured, TimeProvider time, CancellationToken ct) =>
        {
            var unit = catalog.Units.Find(code);
            if (unit is null)
            {
                return Results.NotFound();
            }

            var culture = CultureInfo.CurrentCulture;
            var (headers, rows) = ExportTables.Freshness(await sources.ForUnitAsync(unit.Code, ct), configured, culture);
            string name = $"{UiText.Get("freshness", culture)} - {unit.Name(culture)} - {Today(time)}";
            return File(context, format, name, UiText.Get("freshness", culture), headers, rows);
        }).WithMetadata(new WithoutWarmupAttribute());
        app.MapGet("/nhap-lieu/nhat-ky." + Format, async (string format, HttpContext context, Catalog catalog, AuditLog audit, TimeProvider time, CancellationToken ct) =>
        {
            var culture = CultureInfo.CurrentCulture;
            var (headers, rows) = ExportTables.Audit(await audit.RecentAsync(int.MaxValue, ct), catalog, culture);
            return File(context, format, $"{UiText.Get("audit", culture)} - {Today(time)}", UiText.Get("audit", culture), headers, rows);
        }).RequireAuthorization(Roles.Operator).WithMetadata(new WithoutWarmupAttribute());
        app.MapGet("/canh-bao/lich-su." + Format, async (string format, string? unit, string? kpi, string? severity, string? from, string? to,
            HttpContext context, Catalog catalog, AlertReader alerts, TimeProvider time, CancellationToken ct) =>
        {
            var culture = CultureInfo.CurrentCulture;
            var filter = AlertFilter.Parse(unit, kpi, severity, from, to, catalog, culture, out var problems);
            if (problems.Count > 0)
            {
                return Results.NotFound();
            }

            var overview = await alerts.GetAsync(ct);
            var (headers, rows) = ExportTables.AlertHistory(filter.Apply(overview.History, catalog, VietnamTime.DateOf(time.GetUtcNow())), catalog, culture);
            return File(context, format, $"{UiText.Get("alerts.history", culture)} - {Today(time)}", UiText.Get("alerts.history", culture), headers, rows);
        }).WithMetadata(new WithoutWarmupAttribute()); // alert events, not rollups
        app.MapGet("/quan-tri/muc-tieu." + Format, (string format, HttpContext context, Catalog catalog, TimeProvider time) =>
        {
            var culture = CultureInfo.CurrentCulture;
            var (headers, rows) = ExportTables.Targets(catalog.OrderedTargets(), catalog, culture);
            return File(context, format, $"{UiText.Get("admin.targets", culture)} - {Today(time)}", UiText.Get("admin.targets", culture), headers, rows);
        }).RequireAuthorization(Roles.Admin).WithMetadata(new WithoutWarmupAttribute());
    }

    private static string Today(TimeProvider time) => VietnamTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult File(HttpContext context, string format, string name, string sheet,
        IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<ExportCell>> rows)
    {
        context.Response.Headers.ContentDisposition = DownloadName.ContentDisposition($"{name}.{format}");
        return format == "csv"
            ? Results.File(TableExport.Csv(headers, rows), TableExport.CsvType)
            : Results.File(TableExport.Xlsx(sheet, headers, rows), TableExport.XlsxType);
    }
}
