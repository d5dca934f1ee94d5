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
}
