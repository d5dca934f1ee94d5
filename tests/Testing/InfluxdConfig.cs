using System.Text;

namespace KpiMonitor.Testing;

/// <summary>
/// Turns the output of <c>influxd config</c> into a private server's configuration: own folders, own
/// loopback ports, no phoning home, quiet logs and no self-monitoring database.
/// </summary>
public static class InfluxdConfig
{
    public static string Rewrite(string defaults, string directory, int httpPort, int bindPort)
    {
        var output = new StringBuilder();
        string section = "";
        bool reportingSet = false;
        foreach (string raw in defaults.Replace("/var/lib/influxdb", directory, StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith('['))
            {
                section = trimmed.Trim('[', ']');
                output.Append(line).Append('\n');
                continue;
            }

            string key = trimmed.Split('=', 2)[0].Trim();
            string indent = line[..(line.Length - line.TrimStart().Length)];
            string? value = (section, key) switch
            {
                ("", "bind-address") => $"\"127.0.0.1:{bindPort}\"",
                ("http", "bind-address") => $"\"127.0.0.1:{httpPort}\"",
                // Debian's build names the switch reporting-enabled; upstream calls it reporting-disabled.
                ("", "reporting-disabled") => "true",
                ("", "reporting-enabled") => "false",
                ("http", "log-enabled") => "false",
                ("http", "pprof-enabled") => "false",
                ("data", "query-log-enabled") => "false",
                ("meta", "logging-enabled") => "false",
                ("continuous_queries", "log-enabled") => "false",
                ("monitor", "store-enabled") => "false",
                ("logging", "level") => "\"warn\"",
                ("logging", "suppress-logo") => "true",
                _ => null,
            };
            if (value is null)
            {
                output.Append(line).Append('\n');
                continue;
            }

            reportingSet |= key.StartsWith("reporting-", StringComparison.Ordinal);
            output.Append(indent).Append(key).Append(" = ").Append(value).Append('\n');
        }

        return reportingSet ? output.ToString() : "reporting-disabled = true\n" + output;
    }
}
