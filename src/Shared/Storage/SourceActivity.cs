namespace KpiMonitor.Shared.Storage;

/// <summary>What one source last reported for one unit: the newest period it described and when it arrived.</summary>
public sealed record SourceActivity(string Source, string Unit, DateTimeOffset LatestPeriod, DateTimeOffset LastReceived);
