using System.Diagnostics;
using KpiMonitor.Collector.Cluster;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;

namespace KpiMonitor.Collector.Tests.Deployment;

/// <summary>docker-compose.yml is validated by docker-compose itself, and its settings must bind to real options.</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Storage__Influx__"] = typeof(InfluxOptions),
        ["Collector__"] = typeof(CollectorOptions),
        ["Collector__Cluster__"] = typeof(ClusterOptions),
        ["Catalog__"] = typeof(CatalogOptions),
    };

    // Settings the dashboard reads besides the shared ones (its own options classes live in its project).
    // Reports__ArchiveFolder binds to ReportArchiveOptions (src/Reports), which this project does not reference;
    // Rollups__Cache__SnapshotFolder to the dashboard's RollupCacheOptions; Web__KnownNetworks__0 to its WebOptions.
    private static readonly string[] DashboardOnly =
        ["Urls", "AllowedHosts", "Demo__Enabled", "Auth__ApiKey", "Auth__KeyRingDirectory", "Manual__AuditFile", "Reports__ArchiveFolder", "Rollups__Cache__SnapshotFolder",
            "Web__KnownNetworks__0"];

    [Fact]
    public async Task ComposeFile_IsValid_AndTheCollectorsSettingsAllMeanSomething()
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepoPaths.Root, "docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["INFLUX_PASSWORD"] = "mat-khau-thu";
        start.Environment["INFLUX_TOKEN"] = "token-thu";
        using var process = Process.Start(start)!;
        string yaml = await process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        var secrets = SourceLoader.Load(new SourceLoadContext(CatalogLoader.Load(RepoPaths.Config), RepoPaths.Config, MissedRunPolicy.Check))
            .Select(s => s.Auth.SecretKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // The single collector, and the two of the optional cluster profile (ADR 015).
        foreach (string collector in new[] { "collector", "collector-a", "collector-b" })
        {
            var settings = EnvironmentOf(yaml, collector);
            Assert.Contains("Storage__Influx__Url", settings);
            Assert.All(secrets, s => Assert.Contains(s, settings));
            foreach (string key in settings.Where(k => !secrets.Contains(k)))
            {
                var section = SectionOf(key);
                Assert.True(section.Value is not null, $"{collector}: {key} belongs to no known section");
                Assert.True(section.Value.GetProperty(key[section.Key.Length..]) is not null, $"{collector}: {key} names no property of {section.Value.Name}");
            }
        }

        Assert.Contains("Collector__Cluster__ConnectionString", EnvironmentOf(yaml, "collector-a"));
        Assert.Contains("Collector__Cluster__ConnectionString", EnvironmentOf(yaml, "collector-b"));
        Assert.DoesNotContain("Collector__Cluster__ConnectionString", EnvironmentOf(yaml, "collector"));

        foreach (string key in EnvironmentOf(yaml, "dashboard").Where(k => !DashboardOnly.Contains(k)))
        {
            var section = SectionOf(key);
            Assert.True(section.Value?.GetProperty(key[section.Key.Length..]) is not null, $"dashboard: {key} binds to nothing");
        }

        Assert.Contains("Demo__Enabled", EnvironmentOf(yaml, "dashboard"));
    }

    /// <summary>The options class a key binds to: the longest section prefix it starts with.</summary>
    private static KeyValuePair<string, Type> SectionOf(string key) =>
        Sections.Where(s => key.StartsWith(s.Key, StringComparison.Ordinal)).MaxBy(s => s.Key.Length);

    /// <summary>The keys under services.NAME.environment of docker-compose's normalised output.</summary>
    private static List<string> EnvironmentOf(string yaml, string service)
    {
        var keys = new List<string>();
        var lines = yaml.Split('\n');
        int i = Array.FindIndex(lines, l => l == $"  {service}:");
        Assert.True(i >= 0, $"service {service} not found");
        while (++i < lines.Length && (lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i].Length == 0))
        {
            if (lines[i] == "    environment:")
            {
                while (++i < lines.Length && lines[i].StartsWith("      ", StringComparison.Ordinal))
                {
                    keys.Add(lines[i].Trim().Split(':')[0]);
                }

                break;
            }
        }

        return keys;
    }
}
