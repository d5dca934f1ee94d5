using System.Diagnostics;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.AlertService.Hosting;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>
/// The <c>alerts</c> service of docker-compose.yml, validated by docker-compose itself: every setting binds to a real
/// option, every secret key config/alerts.json names is passed (from .env, never written in the file), and the health
/// check reads the file the service writes.
/// </summary>
public sealed class ComposeAlertsServiceTests
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.Ordinal)
    {
        ["Storage__Influx__"] = typeof(InfluxOptions),
        ["Alerts__Delivery__"] = typeof(KpiMonitor.Alerts.Delivery.DeliveryOptions),
        ["Alerts__"] = typeof(AlertingOptions),
        ["AlertService__"] = typeof(AlertServiceOptions),
        ["Reports__"] = typeof(KpiMonitor.Reports.Archive.ReportArchiveOptions),
    };

    [Fact]
    public async Task EveryServiceBuiltFromSrc_IsListedInTheReadme_AsAPlainProcess()
    {
        string yaml = await ComposeConfigAsync();
        string readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        string plain = readme[readme.IndexOf("Each service also runs as a plain process", StringComparison.Ordinal)..];
        plain = plain[..plain.IndexOf("\n\n", StringComparison.Ordinal)].Replace("\n", " ", StringComparison.Ordinal);

        var projects = yaml.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("dockerfile: src/", StringComparison.Ordinal))
            .Select(l => l["dockerfile: src/".Length..].Split('/')[0]).ToList();

        Assert.Contains("AlertService", projects);
        Assert.All(projects, p => Assert.Contains($"dotnet run --project src/{p}", plain, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertsService_SettingsBind_SecretsOfAlertsJsonPassed_HealthCheckReadsItsHealthFile()
    {
        string yaml = await ComposeConfigAsync();
        var service = Service(yaml, "alerts");
        var environment = Environment(service);
        var channels = AlertingSetup.Load(CatalogLoader.Load(RepoPaths.Config)).Config.Channels;
        var secrets = channels.SelectMany(c => new[] { c.UserKey, c.PasswordKey, c.UrlKey, c.TokenKey }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.Contains(s, environment.Keys));
        Assert.Equal("mat-khau-smtp-thu", environment["KPIMONITOR_SMTP_PASSWORD"]);
        Assert.Equal("http://influxdb:8086", environment["Storage__Influx__Url"]);
        foreach (string key in environment.Keys.Where(k => !secrets.Contains(k)))
        {
            var section = Sections.FirstOrDefault(s => key.StartsWith(s.Key, StringComparison.Ordinal));
            Assert.True(section.Value is not null, $"{key} belongs to no known section");
            Assert.True(section.Value.GetProperty(key[section.Key.Length..]) is not null, $"{key} names no property of {section.Value.Name}");
        }

        string healthFile = environment["AlertService__HealthFile"];
        Assert.Contains(service, l => l.Contains("head -n 1 " + healthFile, StringComparison.Ordinal));
        Assert.Contains(service, l => l.Contains("dockerfile: src/AlertService/Dockerfile", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "AlertService", "Dockerfile")));
        // The key, not the word: a checkout folder may be named after replicas.
        Assert.DoesNotContain(service, l => l.TrimStart().StartsWith("replicas:", StringComparison.Ordinal));
    }

    /// <summary>docker-compose's normalised form of the file, with the .env values the file requires.</summary>
    private static async Task<string> ComposeConfigAsync()
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(RepoPaths.Root, "docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["INFLUX_PASSWORD"] = "mat-khau-thu";
        start.Environment["INFLUX_TOKEN"] = "token-thu";
        start.Environment["KPIMONITOR_SMTP_PASSWORD"] = "mat-khau-smtp-thu";
        using var process = Process.Start(start)!;
        string yaml = await process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return yaml;
    }

    /// <summary>The lines of services.NAME in docker-compose's normalised output.</summary>
    private static List<string> Service(string yaml, string name)
    {
        var lines = yaml.Split('\n');
        int i = Array.FindIndex(lines, l => l == $"  {name}:");
        Assert.True(i >= 0, $"service {name} not found");
        return lines.Skip(i + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) || l.Length == 0).ToList();
    }

    private static Dictionary<string, string> Environment(List<string> service)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = service.IndexOf("    environment:");
        Assert.True(i >= 0, "no environment");
        while (++i < service.Count && service[i].StartsWith("      ", StringComparison.Ordinal))
        {
            var (key, value) = (service[i].Trim().Split(':', 2)[0], service[i].Trim().Split(':', 2)[1].Trim().Trim('\'', '"'));
            keys[key] = value;
        }

        return keys;
    }
}
