namespace KpiMonitor.Storage.Influx;

/// <summary>
/// One value of a result row. Numbers are read leniently as doubles: InfluxDB prints whole-number floats
/// as integers (<c>12</c>), and epoch milliseconds stay exact far beyond 2200 in a double.
/// </summary>
internal readonly record struct InfluxCell(double? Number, string? Text)
{
    public long? Integer => Number is { } n ? (long)n : null;

    public static double? NumberAt(InfluxCell[] row, int column) => column >= 0 && column < row.Length ? row[column].Number : null;

    public static string? TextAt(InfluxCell[] row, int column) => column >= 0 && column < row.Length ? row[column].Text : null;
}
