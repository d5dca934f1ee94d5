using System.Globalization;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Dashboard.Localization;
using KpiMonitor.Reports.Archive;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// The report page's two small routes: downloads, which serve only files the archive lists (a unit of the catalogue,
/// a month, a format; never a path from the request), and a run's progress as JSON for a script or a test to poll.
/// </summary>
public static class ReportEndpoints
{
    public const string DownloadPrefix = "/bao-cao/tai-ve";
    public const string ProgressPrefix = "/bao-cao/tien-do";

    /// <summary>The download link of one archived file.</summary>
    public static string DownloadPath(ArchivedReport report, ReportFormat format) =>
        $"{DownloadPrefix}/{report.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(report.UnitCode)}/{format.ToString().ToLowerInvariant()}";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet(DownloadPrefix + "/{month}/{unit}/{format}", (string month, string unit, string format, ReportArchive archive) =>
        {
            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || !Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                || archive.Find(unit, first)?.File(kind) is not { } file)
            {
                return Results.NotFound();
            }

            return Results.File(file.FullPath, file.ContentType, ReportArchive.FileName(unit, first, kind));
        }).WithMetadata(new WithoutWarmupAttribute());
        app.MapGet(ProgressPrefix + "/{id:guid}", async (Guid id, ReportQueue queue, CancellationToken ct) =>
            await queue.FindAnywhereAsync(id, ct) is { } run
                ? Results.Json(new
                {
                    id = run.Id,
                    unit = run.UnitCode,
                    month = run.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    stage = StageCode(run.Stage),
                    text = UiText.Get("reports.stage." + StageCode(run.Stage), CultureInfo.CurrentCulture),
                    error = run.Error,
                })
                : Results.NotFound()).WithMetadata(new WithoutWarmupAttribute());
        return app;
    }

    /// <summary>The stage's code in JSON and in text keys: queued, content, pdf, docx, xlsx, done, failed.</summary>
    public static string StageCode(ReportStage stage) => stage switch
    {
        ReportStage.Queued => "queued",
        ReportStage.BuildingContent => "content",
        ReportStage.WritingPdf => "pdf",
        ReportStage.WritingDocx => "docx",
        ReportStage.WritingXlsx => "xlsx",
        ReportStage.Done => "done",
        _ => "failed",
    };
}
