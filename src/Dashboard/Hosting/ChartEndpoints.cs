using System.Globalization;
using KpiMonitor.Dashboard.Api;
using KpiMonitor.Dashboard.Charts;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Charts rendered on the server: /bieu-do/xu-huong/{kpi}.png|.svg (<c>size=wide</c> for the wide one) and /bieu-do/nho/{kpi}.png (sparkline).</summary>
public static class ChartEndpoints
{
    public static void MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bieu-do/xu-huong/{kpi}.{format}", async (string kpi, string format, string? unit, int? months, string? grain, string? size,
            HttpContext context, Catalog catalog, TrendQuery trends, ChartCache charts, TimeProvider time, CancellationToken ct) =>
        {
            if (catalog.Kpis.Find(kpi) is null || (unit is not null && !catalog.Units.Contains(unit)) || format is not ("png" or "svg"))
            {
                return Results.NotFound();
            }

            if (!PeriodQuery.MonthsValid(months))
            {
                return Results.BadRequest($"Tham số 'months' = '{months}' {PeriodQuery.MonthsRule}.");
            }

            if (!PeriodQuery.TryGrain(grain, out var granularity) || granularity is PeriodGranularity.Day or PeriodGranularity.Week)
            {
                return Results.BadRequest($"Tham số 'grain' = '{grain}': biểu đồ xu hướng chọn một trong month, quarter, year.");
            }

            if (!TrendChartSize.TryParse(size, out var drawn))
            {
                return Results.BadRequest($"Tham số 'size' = '{size}': bỏ trống (900 × 420) hoặc wide (1280 × 460).");
            }

            var data = await trends.ChartAsync(kpi, catalog.Or(unit, time), months ?? 24, granularity, CultureInfo.CurrentCulture, ct);
            return Send(context, charts.Trend(data, svg: format == "svg", drawn.Width, drawn.Height));
        });
        app.MapGet("/bieu-do/nho/{kpi}.png", async (string kpi, string? unit, string? month, HttpContext context, Catalog catalog, TrendQuery trends, ChartCache charts, TimeProvider time, CancellationToken ct) =>
        {
            if (catalog.Kpis.Find(kpi) is not { } definition || (unit is not null && !catalog.Units.Contains(unit)))
            {
                return Results.NotFound();
            }

            DateOnly? last = null;
            if (month is not null)
            {
                if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed.Year is < ManualEntry.ManualPeriod.MinYear or > ManualEntry.ManualPeriod.MaxYear)
                {
                    return Results.BadRequest($"Tham số 'month' = '{month}' phải là tháng yyyy-MM.");
                }

                last = parsed;
            }

            // A yearly ranking has one figure in twelve months: its sparkline spans years instead.
            var (months, granularity) = SparklineWindow.For(definition);
            var culture = CultureInfo.CurrentCulture;
            var data = await trends.ChartAsync(kpi, catalog.Or(unit, time), months, granularity, culture, ct, last);
            return Send(context, charts.Sparkline(data.Points, data.Targets.Count > 0 ? data.Targets[^1].Target : null, granularity, culture));
        });
    }

    // The browser keeps the image but asks each time whether it still holds (figures change during the day); the
    // answer is a 304 when the entity tag matches.
    private static IResult Send(HttpContext context, RenderedChart chart)
    {
        context.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(chart.Content, chart.ContentType, entityTag: chart.ETag);
    }
}
