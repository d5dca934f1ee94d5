using System.Globalization;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Sources;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Exports;

/// <summary>
/// Downloads of the pages' tables: /chi-tieu/{kpi}/xuat.csv|xlsx?unit=&amp;level=&amp;sort=&amp;dir= (the KPI page's child
/// table with the reader's level filter and order, the same parameters as the page) and /nguon-du-lieu/xuat.csv|xlsx.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chi-tieu/{code}/xuat.{format}", async (string code, string format, string? unit, string? sort, string? dir, string? level,
            HttpContext context, Catalog catalog, ChildRanking ranking, TimeProvider time, CancellationToken ct) =>
        {
            var today = VietnamTime.DateOf(time.GetUtcNow());
            var kpi = catalog.Kpis.Find(code);
            var parent = catalog.Units.Find(catalog.Or(unit, time));
            if (kpi is null || parent is null || format is not ("csv" or "xlsx") || !ChildTableQuery.TryParse(sort, dir, level, catalog.Units, out var query))
            {
                return Results.NotFound();
            }

            bool en = Lang.English(context);
            var table = await ranking.TableAsync(kpi, parent, query, en, ct);
            var (headers, rows) = ExportTables.Children(kpi, table.Rows, table.Period, en);
            string levelName = query.Level is { } l && catalog.Units.FindLevel(l) is { } found ? $" - {(en ? found.NameEn : found.NameVi)}" : "";
            string name = $"{(en ? kpi.NameEn : kpi.NameVi)} - {parent.Name(en)}{levelName} - {today.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
            return File(context, format, name, Ui.T("children", en), headers, rows);
        });
        app.MapGet("/nguon-du-lieu/xuat.{format}", async (string format, HttpContext context, SourceStatusQuery sources, TimeProvider time, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            bool en = Lang.English(context);
            var (headers, rows) = ExportTables.Sources(await sources.AllAsync(ct), en);
            string name = $"{Ui.T("sources", en)} - {VietnamTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            return File(context, format, name, Ui.T("sources", en), headers, rows);
        }).WithMetadata(new WithoutWarmupAttribute()); // source health, not rollups
    }

    private static IResult File(HttpContext context, string format, string name, string sheet,
        IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<ExportCell>> rows)
    {
        context.Response.Headers.ContentDisposition = DownloadName.ContentDisposition($"{name}.{format}");
        return format == "csv"
            ? Results.File(TableExport.Csv(headers, rows), TableExport.CsvType)
            : Results.File(TableExport.Xlsx(sheet, headers, rows), TableExport.XlsxType);
    }
}
