namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>What a breach looked like when it was recorded: severity, figures and the rendered Vietnamese summary.</summary>
/// <param name="Severity">Severity of the breach.</param>
/// <param name="Value">The value judged, if any.</param>
/// <param name="Target">The target or threshold it was judged against, if any.</param>
/// <param name="Summary">The rule's summary template rendered for this instance.</param>
/// <param name="FigureAt">When the newest figure behind the value was observed (stale rules resolve only on a newer one).</param>
public sealed record AlertSnapshot(AlertSeverity Severity, double? Value, double? Target, string Summary, DateTimeOffset? FigureAt);
