namespace KpiMonitor.SourceSimulator.Control;

/// <summary>Answer of <c>GET /_control/stats</c>.</summary>
public sealed record StatsReport(
    IReadOnlyDictionary<string, long> Requests,
    IReadOnlyDictionary<string, long> Unauthorized,
    long TokensIssued,
    int TokensActive,
    IReadOnlyList<FaultView> Faults);
