namespace KpiMonitor.Collector.Spool;

/// <summary>What one pass over the spool achieved; <see cref="Error"/> says why it stopped early.</summary>
public sealed record DrainResult(long Written, long DeadLettered, long Remaining, string? Error)
{
    public bool Emptied => Remaining == 0 && Error is null;
}
