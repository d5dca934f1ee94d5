namespace KpiMonitor.Collector.Spool;

/// <summary>One file of the spool: a sequence number (replay order) and how many observations it holds.</summary>
public sealed record SpoolSegment(long Sequence, int Points, string Path);
