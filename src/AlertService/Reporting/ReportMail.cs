using System.Globalization;
using KpiMonitor.Reports.Archive;
using MimeKit;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>The mail of a monthly report: a Vietnamese subject and note, the PDF and the DOCX attached.</summary>
public static class ReportMail
{
    public static MimeMessage Build(ArchivedReport report, string unitName, string from, IEnumerable<string> to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        string month = report.Month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
        var message = new MimeMessage
        {
            Subject = $"Báo cáo tháng {month}: {unitName}",
            Date = now,
            // One mail per report and month: a repeated run is recognisable in the mailbox.
            MessageId = $"bao-cao-{report.UnitCode}-{report.Month:yyyy-MM}-{report.GeneratedAt.ToUnixTimeSeconds()}@kpimonitor.reports",
        };
        message.From.Add(new MailboxAddress("KpiMonitor", from));
        message.To.AddRange(to.Select(a => MailboxAddress.Parse(a)));
        var body = new BodyBuilder
        {
            TextBody = $"Kính gửi lãnh đạo,\n\nKpiMonitor gửi kèm báo cáo tình hình thực hiện các chỉ tiêu chính quyền số tháng {month} của {unitName}: "
                + "bản PDF để đọc và bản DOCX để văn thư hoàn thiện, ký ban hành.\n\nThư gửi tự động từ KpiMonitor.",
        };
        foreach (var format in new[] { ReportFormat.Pdf, ReportFormat.Docx })
        {
            if (report.File(format) is { } file)
            {
                body.Attachments.Add(ReportArchive.FileName(report.UnitCode, report.Month, format), File.ReadAllBytes(file.FullPath), ContentType.Parse(file.ContentType));
            }
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
