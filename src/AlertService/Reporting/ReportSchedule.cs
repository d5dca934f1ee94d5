using System.Globalization;
using KpiMonitor.Reports.Archive;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using Microsoft.Extensions.Options;
using Quartz;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>
/// Declares the monthly report's job and its cron trigger in Vietnamese time at start (registered before Quartz's own
/// hosted service, so the scheduler has the job when it starts). Quartz keeps no memory across restarts (RAM store),
/// so a process that was down at the scheduled time catches up here: when the last scheduled time has passed and the
/// archive lacks that month's report of a configured unit, the job runs once at start for that time.
/// </summary>
public sealed partial class ReportSchedule(
    ISchedulerFactory schedulers,
    IOptions<ReportScheduleOptions> options,
    ReportArchive archive,
    Catalog catalog,
    TimeProvider time,
    ILogger<ReportSchedule> logger) : IHostedService
{
    public static readonly JobKey Job = new("bao-cao-thang");

    /// <summary>When <paramref name="cron"/> next fires after <paramref name="after"/>, read in Asia/Ho_Chi_Minh.</summary>
    public static DateTimeOffset? NextFire(string cron, DateTimeOffset after) =>
        new CronExpression(cron, VietnamTime.Zone).GetNextValidTimeAfter(after);

    /// <summary>The latest time <paramref name="cron"/> fired at or before <paramref name="now"/>, looking back 62 days.</summary>
    public static DateTimeOffset? LastFire(string cron, DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        for (var next = NextFire(cron, now.AddDays(-62)); next is { } at && at <= now; next = NextFire(cron, at))
        {
            last = at;
        }

        return last;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<MonthlyReportJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity("bao-cao-thang-lich")
            .WithCronSchedule(settings.Schedule, cron => cron.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        // Replace: Quartz keeps schedulers per name for the process, and a host built again (a restart in tests) finds the old job.
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);

        if (LastFire(settings.Schedule, time.GetUtcNow()) is { } missed)
        {
            var month = MonthlyReportRun.MonthBefore(missed);
            var units = settings.Units.Count > 0 ? settings.Units : [catalog.Units.TopOn(month) ?? ""];
            if (units.Any(u => archive.Find(u, month) is null))
            {
                LogCatchUp(month, missed);
                await scheduler.TriggerJob(Job, new JobDataMap { [MonthlyReportJob.MissedTimeKey] = missed.ToString("O", CultureInfo.InvariantCulture) }, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Chưa có báo cáo tháng {Month} của lần chạy lúc {Missed}: lập bù ngay")]
    private partial void LogCatchUp(DateOnly month, DateTimeOffset missed);
}
