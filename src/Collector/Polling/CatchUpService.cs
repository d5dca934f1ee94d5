using KpiMonitor.Shared.Periods;
using Quartz;

namespace KpiMonitor.Collector.Polling;

/// <summary>On start, runs once every source whose schedule fired while the collector was down.</summary>
public sealed class CatchUpService(ISchedulerFactory schedulers, SourceRegistry sources, CollectorStateFile state, TimeProvider time,
    ILogger<CatchUpService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var source in sources.Enabled)
        {
            var last = state.Get(source.Code).LastRun;
            if (MissedRunPolicy.Missed(source.Schedule, last, time.GetUtcNow()))
            {
                logger.LogInformation("Nguồn {Source} lỡ lịch chạy (lần chạy cuối: {LastRun}); chạy bù một lần", source.Code,
                    last is { } l ? VietnamTime.ToLocal(l).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "chưa từng");
                await scheduler.TriggerJob(new JobKey(source.Code), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
