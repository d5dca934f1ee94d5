using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Mirrors a source's run state into the store, where the dashboard and alerts read it. Best effort: when
/// the store is down the state file still holds it, and the next run writes the newer state.
/// </summary>
public sealed class SourceHealthWriter(ISourceHealthStore store, ILogger<SourceHealthWriter> logger)
{
    public async Task WriteAsync(string source, SourceRunState run, CancellationToken cancellationToken)
    {
        // Health is a side note of the run: a store outage must not hold the poll (and its Quartz thread) for minutes.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await store.WriteSourceHealthAsync(new SourceHealth(source, run.LastRun ?? DateTimeOffset.UnixEpoch, run.LastSuccess, run.LastError,
                run.LastDuration, run.LastPoints, run.ConsecutiveFailures), limit.Token);
        }
        catch (Exception ex) when (ex is TimeSeriesStoreException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Chưa ghi được tình trạng nguồn {Source} vào kho dữ liệu: {Error}", source, ex.Message);
        }
    }
}
