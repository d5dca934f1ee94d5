using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Notifications;

/// <summary>
/// One notification inside a digest. <see cref="Id"/> is the outbox's idempotency key: rule instance, the sequence of
/// the event that decided it, and the recipient.
/// </summary>
public sealed record DigestItem(string Id, AlertKey Key, NotificationKind Kind, AlertSnapshot Snapshot, DateTimeOffset FiredAt, DateTimeOffset? ResolvedAt);
