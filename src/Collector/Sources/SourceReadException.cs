namespace KpiMonitor.Collector.Sources;

/// <summary>The source as a whole could not be read (unreachable, refused, unreadable body); the message says where.</summary>
public sealed class SourceReadException(string message, Exception? inner = null) : Exception(message, inner);
