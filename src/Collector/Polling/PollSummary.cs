namespace KpiMonitor.Collector.Polling;

/// <summary>The outcome of polling one source once.</summary>
public sealed record PollSummary(string Source, bool Succeeded, long Points, int RejectedRecords, TimeSpan Duration, string? Error, IReadOnlyList<string> Problems);
