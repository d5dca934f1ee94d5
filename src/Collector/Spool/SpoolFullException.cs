namespace KpiMonitor.Collector.Spool;

/// <summary>The spool reached its configured size; nothing more is accepted until the store takes some.</summary>
public sealed class SpoolFullException(string message) : Exception(message);
