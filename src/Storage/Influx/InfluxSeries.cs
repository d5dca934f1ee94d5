namespace KpiMonitor.Storage.Influx;

/// <summary>One series of an InfluxQL result: its tags, column names and rows.</summary>
internal sealed class InfluxSeries
{
    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required string[] Columns { get; init; }

    public required List<InfluxCell[]> Rows { get; init; }

    /// <summary>
    /// The series goes on in the next chunk of a chunked answer; in the last chunk, or in an answer that was not
    /// chunked, the server cut it short (max-row-limit).
    /// </summary>
    public bool Partial { get; set; }

    public string? Tag(string key) => Tags.GetValueOrDefault(key);

    /// <summary>Index of a column, or -1 when the server did not return it.</summary>
    public int Column(string name) => Array.IndexOf(Columns, name);
}
