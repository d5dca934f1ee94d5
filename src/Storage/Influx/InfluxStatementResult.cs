namespace KpiMonitor.Storage.Influx;

/// <summary>The result of one statement of a query: its series, or the error InfluxDB reported for it (even under HTTP 200).</summary>
internal sealed record InfluxStatementResult(int StatementId, string? Error, bool Partial, IReadOnlyList<InfluxSeries> Series)
{
    /// <summary>1.x answers a query on a database that does not exist yet this way; a fresh install has no data, not a fault.</summary>
    public bool IsDatabaseNotFound => Error?.StartsWith("database not found", StringComparison.Ordinal) == true;
}
