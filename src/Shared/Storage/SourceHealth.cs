namespace KpiMonitor.Shared.Storage;

/// <summary>The collector's account of one source after its latest run, kept in the store for the dashboard and alerts.</summary>
public sealed record SourceHealth(
    string Source,
    DateTimeOffset LastRun,
    DateTimeOffset? LastSuccess,
    string? LastError,
    TimeSpan Duration,
    long Points,
    int ConsecutiveFailures);
