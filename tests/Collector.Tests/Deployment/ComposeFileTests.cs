using System.Diagnostics;
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
        ["Catalog__"] = typeof(CatalogOptions),
    };

    // Settings the dashboard reads besides the shared ones (its own options classes live in its project).
    // Reports__ArchiveFolder binds to ReportArchiveOptions (src/Reports), which this project does not reference;
    // Rollups__Cache__SnapshotFolder to the dashboard's RollupCacheOptions.
    private static readonly string[] DashboardOnly =
        ["Urls", "AllowedHosts", "Demo__Enabled", "Auth__ApiKey", "Auth__KeyRingDirectory", "Manual__AuditFile", "Reports__ArchiveFolder", "Rollups__Cache__SnapshotFolder"];

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
        var settings = EnvironmentOf(yaml, "collector");
        Assert.Contains("Storage__Influx__Url", settings);
        var secrets = SourceLoader.Load(new SourceLoadContext(CatalogLoader.Load(RepoPaths.Config), RepoPaths.Config, MissedRunPolicy.Check))
            .Select(s => s.Auth.SecretKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.All(secrets, s => Assert.Contains(s, settings));
        foreach (string key in settings.Where(k => !secrets.Contains(k)))
        {
            var section = Sections.FirstOrDefault(s => key.StartsWith(s.Key, StringComparison.Ordinal));
            Assert.True(section.Value is not null, $"{key} belongs to no known section");
            Assert.True(section.Value.GetProperty(key[section.Key.Length..]) is not null, $"{key} names no property of {section.Value.Name}");
        }

        foreach (string key in EnvironmentOf(yaml, "dashboard").Where(k => !DashboardOnly.Contains(k)))
        {
            var section = Sections.FirstOrDefault(s => key.StartsWith(s.Key, StringComparison.Ordinal));
            Assert.True(section.Value?.GetProperty(key[section.Key.Length..]) is not null, $"dashboard: {key} binds to nothing");
        }

        Assert.Contains("Demo__Enabled", EnvironmentOf(yaml, "dashboard"));
    }

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
