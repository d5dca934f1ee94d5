namespace KpiMonitor.Storage.Influx;

/// <summary>The result of one statement of a query: its series, or the error InfluxDB reported for it (even under HTTP 200).</summary>
internal sealed record InfluxStatementResult(int StatementId, string? Error, bool Partial, IReadOnlyList<InfluxSeries> Series)
{
    /// <summary>1.x answers a query on a database that does not exist yet this way; a fresh install has no data, not a fault.</summary>
    public bool IsDatabaseNotFound => Error?.StartsWith("database not found", StringComparison.Ordinal) == true;

    /// <summary>
    /// Adds the results of one chunk of a chunked answer (<c>chunked=true</c>) to those read so far: a statement already
    /// seen gets the chunk's series, a series the previous chunk left open (<see cref="InfluxSeries.Partial"/>) gets its
    /// rows, and the partial marks become the chunk's. Only the last chunk's marks remain: an answer that ends with one
    /// set was cut short.
    /// </summary>
    public static void AddChunk(List<InfluxStatementResult> into, List<InfluxStatementResult> chunk)
    {
        foreach (var result in chunk)
        {
            int at = into.FindIndex(r => r.StatementId == result.StatementId);
            if (at < 0)
            {
                into.Add(result);
                continue;
            }

            var earlier = into[at];
            var series = new List<InfluxSeries>(earlier.Series);
            foreach (var part in result.Series)
            {
                if (series.Count > 0 && series[^1] is { Partial: true } open && open.Name == part.Name && SameTags(open.Tags, part.Tags))
                {
                    open.Rows.AddRange(part.Rows);
                    open.Partial = part.Partial;
                }
                else
                {
                    series.Add(part);
                }
            }

            into[at] = earlier with { Error = result.Error ?? earlier.Error, Partial = result.Partial, Series = series };
        }
    }

    private static bool SameTags(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(t => b.TryGetValue(t.Key, out string? v) && v == t.Value);
}
