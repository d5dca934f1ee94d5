namespace KpiMonitor.Storage.Influx;

/// <summary>A line of a batch that the server refused (0-based within the batch) and the server's words about it.</summary>
internal readonly record struct RefusedLine(int Line, string Reason);
