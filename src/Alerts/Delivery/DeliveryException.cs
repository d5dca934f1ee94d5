namespace KpiMonitor.Alerts.Delivery;

/// <summary>A channel refused or could not take a digest; the message names the channel code, never a secret.</summary>
public sealed class DeliveryException(string message) : Exception(message);
