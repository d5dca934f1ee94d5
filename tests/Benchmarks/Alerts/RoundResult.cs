namespace KpiMonitor.Benchmarks.Alerts;

/// <summary>What one evaluation delivered: mails counted at the SMTP server, their distinct addressees, the digests.</summary>
public sealed record RoundResult(int Mails, int Addresses, int Digests, int Items, double DeliveryMs);
