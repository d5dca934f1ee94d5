using System.Text;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Makes any text fit a line-protocol string field and gives it back unchanged: line protocol has no escape for
/// line breaks, so <c>%</c>, <c>\n</c> and <c>\r</c> become <c>%25</c>, <c>%0A</c> and <c>%0D</c>. Quotes and
/// backslashes need nothing here; <see cref="LineProtocolWriter"/> escapes them. JSON rarely holds a raw line
/// break, so stored payloads stay readable in the InfluxDB shell.
/// </summary>
internal static class InfluxLineText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny('%', '\n', '\r') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            _ = c switch
            {
                '%' => sb.Append("%25"),
                '\n' => sb.Append("%0A"),
                '\r' => sb.Append("%0D"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    public static string Decode(string stored)
    {
        if (!stored.Contains('%', StringComparison.Ordinal))
        {
            return stored;
        }

        var sb = new StringBuilder(stored.Length);
        for (int i = 0; i < stored.Length; i++)
        {
            char? decoded = stored[i] == '%' && i + 2 < stored.Length ? stored.AsSpan(i + 1, 2) switch
            {
                "25" => '%',
                "0A" => '\n',
                "0D" => '\r',
                _ => null,
            } : null;
            if (decoded is { } c)
            {
                sb.Append(c);
                i += 2;
            }
            else
            {
                sb.Append(stored[i]);
            }
        }

        return sb.ToString();
    }
}
