using KpiMonitor.Reports.Content;
using KpiMonitor.Reports.Docx;
using KpiMonitor.Reports.Layout;
using KpiMonitor.Reports.Pdf;
using KpiMonitor.Reports.Xlsx;

namespace KpiMonitor.Reports.Generation;

/// <summary>
/// Makes the monthly report of a unit in DOCX, PDF and XLSX, stamped with the injected clock's time: the plain service
/// a schedule, a page or a command calls (issue #12; the Quartz job, the page, the archive and the mail are to come).
/// </summary>
public sealed class ReportGenerator(ReportBuilder builder, TimeProvider time)
{
    /// <summary>The report of <paramref name="unitCode"/> for the month holding <paramref name="month"/>.</summary>
    public async Task<ReportFiles> GenerateAsync(string unitCode, DateOnly month, CancellationToken cancellationToken)
    {
        var report = await builder.BuildAsync(unitCode, month, cancellationToken);
        var generatedAt = time.GetUtcNow();
        var document = ReportOutline.Build(report, generatedAt);
        return new ReportFiles(report.Unit.Code, report.Month, generatedAt,
            DocxReportWriter.Write(document, cancellationToken),
            PdfReportWriter.Write(document, generatedAt, cancellationToken),
            XlsxReportWriter.Write(report));
    }
}
