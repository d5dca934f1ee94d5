using System.Text.Json.Serialization;

namespace KpiMonitor.Alerts.Lifecycle.Events;

/// <summary>
/// One append-only fact about a rule instance. The instance's state is the fold of its events
/// (<see cref="AlertState.Apply"/>), so the stored events rebuild it exactly after a restart.
/// </summary>
/// <param name="Key">The rule instance.</param>
/// <param name="Sequence">1, 2, 3… per instance; with the key and a recipient it makes a notification's id.</param>
/// <param name="At">When it happened (UTC).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AlertPending), "pending")]
[JsonDerivedType(typeof(AlertPendingHeld), "pendingHeld")]
[JsonDerivedType(typeof(AlertPendingCancelled), "pendingCancelled")]
[JsonDerivedType(typeof(AlertFired), "fired")]
[JsonDerivedType(typeof(AlertSeverityChanged), "severityChanged")]
[JsonDerivedType(typeof(AlertClearing), "clearing")]
[JsonDerivedType(typeof(AlertClearReset), "clearReset")]
[JsonDerivedType(typeof(AlertResolved), "resolved")]
[JsonDerivedType(typeof(AlertNotified), "notified")]
[JsonDerivedType(typeof(AlertAcknowledged), "acknowledged")]
public abstract record AlertEvent(AlertKey Key, long Sequence, DateTimeOffset At);
