namespace KpiMonitor.Storage.Influx;

/// <summary>
/// One value of a result row. Numbers are read leniently as doubles: InfluxDB prints whole-number floats
/// as integers (<c>12</c>), and epoch milliseconds stay exact far beyond 2200 in a double.
/// </summary>
internal readonly record struct InfluxCell(double? Number, string? Text)
{
    public long? Integer => Number is { } n ? (long)n : null;

    /// <summary>The cell of a column, empty when the server did not return that column (index -1) or the row is short.</summary>
    public static InfluxCell At(ReadOnlySpan<InfluxCell> row, int column) => column >= 0 && column < row.Length ? row[column] : default;

    public static double? NumberAt(ReadOnlySpan<InfluxCell> row, int column) => At(row, column).Number;

    public static string? TextAt(ReadOnlySpan<InfluxCell> row, int column) => At(row, column).Text;
}
