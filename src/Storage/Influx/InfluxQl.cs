using System.Text;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Quoting for InfluxQL. KPI and unit codes reach queries from URLs, so every text goes through
/// <see cref="Literal"/> or <see cref="Identifier"/> and can never end a string or start a new statement.
/// InfluxQL's scanner knows the escapes <c>\\</c>, <c>\'</c>, <c>\"</c> and <c>\n</c> inside both kinds of quotes.
/// </summary>
public static class InfluxQl
{
    /// <summary>A string literal: <c>'…'</c> with backslash, single quote and newline escaped.</summary>
    public static string Literal(string value) => Quote(value, '\'');

    /// <summary>A quoted identifier: <c>"…"</c> with backslash, double quote and newline escaped.</summary>
    public static string Identifier(string name) => Quote(name, '"');

    /// <summary>A time literal in milliseconds since the Unix epoch, for example <c>1700000000000ms</c>.</summary>
    public static string Time(DateTimeOffset instant) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{instant.ToUnixTimeMilliseconds()}ms");

    /// <summary>A shard group duration KpiMonitor writes into a statement: a whole number of weeks, days or hours (<c>208w</c>).</summary>
    public const string ShardDurationPattern = "[1-9][0-9]{0,5}(w|d|h)";

    /// <summary>
    /// <c>CREATE DATABASE</c>, with a shard group duration when one is given (<see cref="ShardDurationPattern"/>, which
    /// <see cref="InfluxOptions.ShardDuration"/> is checked against; anything else is refused here too).
    /// </summary>
    public static string CreateDatabase(string database, string? shardDuration)
    {
        if (string.IsNullOrEmpty(shardDuration))
        {
            return $"CREATE DATABASE {Identifier(database)}";
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(shardDuration, $"^{ShardDurationPattern}$"))
        {
            throw new ArgumentException($"Khoảng thời gian shard không hợp lệ: '{shardDuration}'.", nameof(shardDuration));
        }

        return $"CREATE DATABASE {Identifier(database)} WITH SHARD DURATION {shardDuration}";
    }

    private static string Quote(string value, char quote)
    {
        var sb = new StringBuilder(value.Length + 8);
        sb.Append(quote);
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\n':
                    // A raw newline ends the string with an error in InfluxQL; \n is its escape.
                    sb.Append(@"\n");
                    break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
