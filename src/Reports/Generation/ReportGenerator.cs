using KpiMonitor.Reports.Archive;
using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Docx;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Pdf;
using KpiMonitor.Reports.Xlsx;

namespace KpiMonitor.Reports.Generation;

/// <summary>
/// Makes the monthly report of a unit in PDF, DOCX and XLSX, stamped with the injected clock's time, one format at a
/// time and telling each stage as it starts, so a page can show which file is being written. The archive
/// (<see cref="ReportProducer"/>) and a benchmark call it.
/// </summary>
public sealed class ReportGenerator(ReportBuilder builder, TimeProvider time)
{
    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>.</summary>
    public async Task<ReportFiles> GenerateAsync(string unitCode, DateOnly month, CancellationToken cancellationToken) =>
        await GenerateAsync(unitCode, month, null, cancellationToken);

    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>, telling <paramref name="progress"/> each stage.</summary>
    public async Task<ReportFiles> GenerateAsync(string unitCode, DateOnly month, IProgress<ReportStage>? progress, CancellationToken cancellationToken)
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
        return new ReportFiles(report.Unit.Code, report.Month, generatedAt, docx, pdf, xlsx);
    }
}
