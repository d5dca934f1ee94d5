namespace KpiMonitor.Alerts.Configuration;

/// <summary>
/// A source-down rule, judged from the collector's health records: breached at <see cref="ConsecutiveFailures"/>
/// failures in a row or when the last success is older than <see cref="LastSuccessOlderThan"/> (either that is set).
/// </summary>
public sealed record SourceDownSettings(IReadOnlyList<string> Sources, int? ConsecutiveFailures, TimeSpan? LastSuccessOlderThan);
