namespace KpiMonitor.Shared.Storage;

/// <summary>
/// Whether a source's figures can still be trusted as current, from what the collector recorded of its runs
/// (<see cref="SourceHealth"/>); the dashboard shows it and the alert evaluator, a process without web requests, asks it too.
/// </summary>
public static class SourceFreshness
{
    /// <summary>Stale: never succeeded, or the last success is older than the source allows.</summary>
    public static bool IsStale(SourceHealth? run, TimeSpan staleAfter, DateTimeOffset now) =>
        run?.LastSuccess is not { } success || now - success > staleAfter;
}
