using Quartz;

namespace KpiMonitor.Collector.Polling;

/// <summary>The Quartz adapter: one job per source, never two runs of the same source at once.</summary>
[DisallowConcurrentExecution]
public sealed class PollSourceJob(SourcePoller poller) : IJob
{
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await poller.PollAsync(context.MergedJobDataMap.GetString(SourceKey)!, cancellationToken);
}
