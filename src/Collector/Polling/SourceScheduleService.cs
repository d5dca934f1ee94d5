using KpiMonitor.Shared.Periods;
using Quartz;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Declares one durable job and one cron trigger per enabled source, at start rather than at registration, so
/// registering the collector reads no file. Registered before Quartz's hosted service, so the scheduler has every
/// job before it starts and before <see cref="CatchUpService"/> triggers the missed ones.
/// </summary>
public sealed class SourceScheduleService(ISchedulerFactory schedulers, SourceRegistry sources) : IHostedService
{
    public static TriggerKey TriggerFor(string sourceCode) => new(sourceCode + "-lich");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var source in sources.Enabled)
        {
            var job = JobBuilder.Create<PollSourceJob>().WithIdentity(new JobKey(source.Code))
                .UsingJobData(PollSourceJob.SourceKey, source.Code).StoreDurably().Build();
            var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(TriggerFor(source.Code))
                .WithCronSchedule(source.Schedule, cron => cron.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            // Replace: Quartz keeps schedulers per name for the process, and a host built again (a restart in tests) finds the old jobs.
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
