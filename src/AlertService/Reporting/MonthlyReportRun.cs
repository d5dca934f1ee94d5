using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Delivery;
using KpiMonitor.Reports.Archive;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.Options;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>
/// The scheduled monthly report: for the month that ended before the run's time (in Vietnam), each configured unit's
/// report into the archive, then mailed with its PDF and DOCX over the alert mail's SMTP client
/// (<see cref="EmailChannel"/>). One unit failing does not stop the others; the run fails at the end if any did.
/// </summary>
public sealed partial class MonthlyReportRun(
    ReportProducer producer,
    Catalog catalog,
    AlertConfig alerts,
    IEnumerable<IDeliveryChannel> channels,
    IOptions<ReportScheduleOptions> options,
    TimeProvider time,
    ILogger<MonthlyReportRun> logger)
{
    /// <summary>The first day of the month that ended before <paramref name="firedAt"/> in Vietnamese time.</summary>
    public static DateOnly MonthBefore(DateTimeOffset firedAt)
    {
        var day = VietnamTime.DateOf(firedAt);
        return new DateOnly(day.Year, day.Month, 1).AddMonths(-1);
    }

    /// <summary>Makes, archives and mails the reports of the month before <paramref name="firedAt"/>.</summary>
    public async Task RunAsync(DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        var month = MonthBefore(firedAt);
        var units = options.Value.Units.Count > 0 ? options.Value.Units : [catalog.Units.TopOn(month) ?? throw new InvalidOperationException("Danh mục không có đơn vị gốc.")];
        var failed = new List<string>();
        foreach (string unit in units)
        {
            try
            {
                var report = await producer.ProduceAsync(unit, month, progress: null, cancellationToken);
                KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.ReportJobs.Add(1, new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.TriggerTag, "schedule"), new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.OutcomeTag, "success"));
                LogArchived(unit, month);
                await MailAsync(report, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException
                                          or DeliveryException or MailKit.CommandException or MailKit.ProtocolException
                                          or System.Net.Sockets.SocketException or KpiMonitor.Shared.Storage.TimeSeriesStoreException)
            {
                LogFailed(e, unit, month);
                KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.ReportJobs.Add(1, new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.TriggerTag, "schedule"), new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.OutcomeTag, "failure"));
                failed.Add(unit);
            }
        }

        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"Báo cáo tháng {month:MM/yyyy} không hoàn thành cho: {string.Join(", ", failed)}.");
        }
    }

    private async Task MailAsync(ArchivedReport report, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.MailTo.Count == 0)
        {
            return;
        }

        // The validator made sure the channel exists and is an email channel with a host and a sender.
        var channel = alerts.Channels.Single(c => c.Code == settings.MailChannel);
        var email = channels.OfType<EmailChannel>().Single();
        string name = catalog.Units.Find(report.UnitCode)?.NameVi ?? report.UnitCode;
        try
        {
            await email.SendMessageAsync(channel, ReportMail.Build(report, name, channel.From!, settings.MailTo, time.GetUtcNow()), cancellationToken);
            LogMailed(report.UnitCode, report.Month, settings.MailTo.Count, channel.Code);
        }
        finally
        {
            await email.EndRoundAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã lưu báo cáo {Unit} tháng {Month}")]
    private partial void LogArchived(string unit, DateOnly month);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã gửi báo cáo {Unit} tháng {Month} tới {Count} địa chỉ qua kênh {Channel}")]
    private partial void LogMailed(string unit, DateOnly month, int count, string channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Không lập hoặc không gửi được báo cáo {Unit} tháng {Month}")]
    private partial void LogFailed(Exception e, string unit, DateOnly month);
}
