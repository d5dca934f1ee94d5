using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Mirrors a source's run state into the store, where the dashboard, the alerts and the other collectors of a
/// cluster read it. Best effort both ways: when the store is down the state file still holds the state, and the
/// next run writes the newer one.
/// </summary>
public sealed class SourceHealthWriter(ISourceHealthStore store, ILogger<SourceHealthWriter> logger)
{
    /// <summary>Health is a side note of the run: a store outage must not hold the poll (and its Quartz thread) for minutes.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The source's latest state in the store, as whichever collector last ran it recorded it; null when there is
    /// none or the store does not answer (then this instance's own state is all there is).
    /// </summary>
    public async Task<SourceHealth?> ReadAsync(string source, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            return (await store.GetSourceHealthAsync(limit.Token)).FirstOrDefault(h => h.Source == source);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the store threw (an embedded database's own error included): a run is never failed for a side note.
            logger.LogWarning("Chưa đọc được tình trạng nguồn {Source} từ kho dữ liệu; dùng tình trạng của riêng bộ thu thập này: {Error}", source, ex.Message);
            return null;
        }
    }

    public async Task WriteAsync(string source, SourceRunState run, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
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
