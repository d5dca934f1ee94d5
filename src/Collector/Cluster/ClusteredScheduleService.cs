using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Periods;
using Npgsql;
using Quartz;

namespace KpiMonitor.Collector.Cluster;

/// <summary>
/// The cluster's form of <see cref="SourceScheduleService"/>: declares one job and one cron trigger per enabled source in
/// the shared job store, under a PostgreSQL advisory lock so instances starting together take turns. A trigger already
/// stored with the same schedule is kept, not replaced: it holds the next fire time, and a time passed while every
/// instance was down is a misfire Quartz answers with one run (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>),
/// the cluster's catch-up. A source declared for the first time runs once at once, as a source that never ran does
/// alone. Jobs of sources no longer enabled are deleted.
/// </summary>
public sealed class ClusteredScheduleService(ISchedulerFactory schedulers, SourceRegistry sources, ClusterDatabase database,
    ILogger<ClusteredScheduleService> logger) : IHostedService
{
    // Any constant shared by the instances; "KPIM" in ASCII.
    private const long DeclarationLock = 0x4B50494D;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", DeclarationLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await DeclareAsync(scheduler, cancellationToken);
        }
        finally
        {
            // Closing the session would release it too; saying so keeps the pooled connection clean.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", DeclarationLock);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeclareAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var enabled = sources.Enabled.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKey.DefaultGroup), cancellationToken))
        {
            if (!enabled.Contains(key.Name) && await scheduler.GetJobDetail(key, cancellationToken) is { } old && old.JobType.Type == typeof(PollSourceJob))
            {
                logger.LogInformation("Nguồn {Source} không còn trong sources.json (hoặc đã tắt): xoá lịch của nó khỏi cụm", key.Name);
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }

        foreach (var source in sources.Enabled)
        {
            // Recovery: a poll in progress on an instance that dies is run again by another; a poll is idempotent per
            // period (the same points overwrite themselves in the store).
            var job = JobBuilder.Create<PollSourceJob>().WithIdentity(new JobKey(source.Code))
                .UsingJobData(PollSourceJob.SourceKey, source.Code).StoreDurably().RequestRecovery().Build();
            await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);

            var key = SourceScheduleService.TriggerFor(source.Code);
            var stored = await scheduler.GetTrigger(key, cancellationToken) as ICronTrigger;
            if (stored is not null && stored.CronExpressionString == source.Schedule && stored.TimeZone.Id == VietnamTime.Zone.Id
                && stored.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed)
            {
                continue;
            }

            var trigger = TriggerBuilder.Create().ForJob(job).WithIdentity(key)
                .WithCronSchedule(source.Schedule, cron => cron.InTimeZone(VietnamTime.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
            if (stored is null)
            {
                logger.LogInformation("Nguồn {Source} mới trong lịch chung: chạy một lần ngay", source.Code);
                await scheduler.TriggerJob(job.Key, cancellationToken);
            }
            else
            {
                logger.LogInformation("Lịch của nguồn {Source} đổi thành {Schedule}", source.Code, source.Schedule);
            }
        }
    }
}
