using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Collector.Polling;

/// <summary>What the collector remembers of one source between runs (kept on disk and mirrored to the store).</summary>
public sealed record SourceRunState
{
    public DateTimeOffset? LastRun { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }
    public TimeSpan LastDuration { get; init; }
    public long LastPoints { get; init; }

    /// <summary>
    /// This state brought up to the store's record of the source: in a cluster the runs take turns between instances,
    /// so the store may hold a later run than this instance's file. Then its failure count goes on from the store's, and
    /// the last success is the later of the two, never an older one (a "nguồn ngừng" alert reads it). Without a later
    /// record (a single collector, or the store did not answer) only a later success is taken.
    /// </summary>
    /// <summary>
    /// The time a run that started at <paramref name="started"/> is recorded at: just after the store's latest run when that
    /// one is not older (another collector's run recorded first, or a node whose clock is ahead of this one's). The record
    /// carries that run forward (<see cref="Following"/>), so it must be the one the store answers with next.
    /// </summary>
    public static DateTimeOffset RecordedAt(DateTimeOffset started, SourceHealth? shared) =>
        shared is not null && shared.LastRun >= started ? shared.LastRun.AddMilliseconds(1) : started;

    public SourceRunState Following(SourceHealth? shared)
    {
        if (shared is null)
        {
            return this;
        }

        var lastSuccess = shared.LastSuccess > LastSuccess || LastSuccess is null ? shared.LastSuccess : LastSuccess;
        return shared.LastRun > (LastRun ?? DateTimeOffset.MinValue)
            ? this with { LastRun = shared.LastRun, LastSuccess = lastSuccess, ConsecutiveFailures = shared.ConsecutiveFailures }
            : this with { LastSuccess = lastSuccess };
    }
}
