using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Shared.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>A cron Quartz reads, units of the catalogue, mail addresses, and an email channel of alerts.json to send them over.</summary>
public sealed class ReportScheduleOptionsValidator(Catalog catalog, AlertConfig alerts) : IValidateOptions<ReportScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!CronExpression.TryParse(options.Schedule, out _))
        {
            problems.Add($"Reports:Schedule '{options.Schedule}' không phải biểu thức cron Quartz (có giây, ví dụ \"0 0 7 2 * ?\").");
        }

        problems.AddRange(options.Units.Where(u => !catalog.Units.Contains(u)).Select(u => $"Reports:Units: không có đơn vị '{u}' trong danh mục."));
        problems.AddRange(options.MailTo.Where(a => !MailboxAddress.TryParse(a, out _) || !a.Contains('@', StringComparison.Ordinal))
            .Select(a => $"Reports:MailTo: '{a}' không phải địa chỉ thư."));
        if (options.MailTo.Count > 0)
        {
            var channel = alerts.Channels.FirstOrDefault(c => c.Code == options.MailChannel);
            if (channel is not { Type: ChannelType.Email, Host: not null, From: not null })
            {
                problems.Add($"Reports:MailChannel '{options.MailChannel}' phải là mã một kênh email (có host và from) trong alerts.json.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
