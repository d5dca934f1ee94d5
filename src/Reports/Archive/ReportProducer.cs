using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Docx;
using KpiMonitor.Reports.Generation;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Pdf;
using KpiMonitor.Reports.Xlsx;

namespace KpiMonitor.Reports.Archive;

/// <summary>
/// Makes a unit's monthly report and puts it in the archive, telling each stage as it starts: the one service the
/// dashboard's queue and the alerting process's schedule both call. It does what <see cref="ReportGenerator"/> does,
/// one format at a time, so a page can show which file is being written.
/// </summary>
public sealed class ReportProducer(ReportBuilder builder, ReportArchive archive, TimeProvider time)
{
    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>, archived.</summary>
    public async Task<ArchivedReport> ProduceAsync(string unitCode, DateOnly month, IProgress<ReportStage>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(ReportStage.BuildingContent);
        var report = await builder.BuildAsync(unitCode, month, cancellationToken);
        var generatedAt = time.GetUtcNow();
        var document = ReportOutline.Build(report, generatedAt);
        progress?.Report(ReportStage.WritingPdf);
        byte[] pdf = PdfReportWriter.Write(document, generatedAt, cancellationToken);
        progress?.Report(ReportStage.WritingDocx);
        byte[] docx = DocxReportWriter.Write(document, cancellationToken);
        progress?.Report(ReportStage.WritingXlsx);
        byte[] xlsx = XlsxReportWriter.Write(report);
        var archived = await archive.SaveAsync(new ReportFiles(report.Unit.Code, report.Month, generatedAt, docx, pdf, xlsx), cancellationToken);
        progress?.Report(ReportStage.Done);
        return archived;
    }
}
