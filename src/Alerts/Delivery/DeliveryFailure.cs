namespace KpiMonitor.Alerts.Delivery;

/// <summary>A digest that could not be delivered yet, as the alerts page shows it.</summary>
/// <param name="Channel">Code of the channel (never its URL or credentials).</param>
/// <param name="Recipient">Name of the recipient.</param>
/// <param name="Address">Address of the recipient on the channel.</param>
/// <param name="DigestId">The digest's idempotency key.</param>
/// <param name="LastError">The last error, without secrets.</param>
/// <param name="Attempts">Attempts so far, over every delivery round.</param>
/// <param name="At">When the last attempt failed (UTC).</param>
public sealed record DeliveryFailure(string Channel, string Recipient, string Address, string DigestId, string LastError, int Attempts, DateTimeOffset At);
