using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Reading;

/// <summary>One line of an alert's history, as the alerts page, the API and the exports show it.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Key">The rule instance.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Severity">The severity of the breach at that moment.</param>
/// <param name="Summary">The rule's Vietnamese summary rendered for the breach.</param>
/// <param name="By">Who acknowledged, for an acknowledgement.</param>
/// <param name="Note">The operator's note, for an acknowledgement.</param>
public sealed record AlertHistoryEntry(
    DateTimeOffset At, AlertKey Key, AlertHistoryKind Kind, AlertSeverity? Severity, string Summary, string? By = null, string? Note = null);
