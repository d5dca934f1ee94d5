using System.Globalization;
using System.Text;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.SourceSimulator;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;
using MimeKit;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>
/// One deployment as docker-compose runs it, as plain processes: the collector (run once per collection) and the
/// alerting service (running) share a fresh database of the fixture's influxd and a config folder of their own (the
/// repository's catalogue, a sources.json and an alerts.json per test); mail goes to a real aiosmtpd.
/// </summary>
public sealed class AlertDeployment : IAsyncDisposable
{
    private readonly PipelineFixture _fixture;
    private readonly string _database = $"a_{Guid.NewGuid():N}";
    private ProgramProcess? _alerts;

    private AlertDeployment(PipelineFixture fixture)
    {
        _fixture = fixture;
        Directory.CreateDirectory(Config);
        Directory.CreateDirectory(Inbox);
        foreach (string file in new[] { "kpis.json", "units.json", "targets.json" })
        {
            File.Copy(Path.Combine(RepoPaths.Config, file), Path.Combine(Config, file));
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("kpimonitor-alerts-e2e-").FullName;

    public string Config => Path.Combine(Root, "config");

    /// <summary>The drop folder of the <c>manual</c> source (relative <c>data/inbox</c> from the working folder).</summary>
    public string Inbox => Path.Combine(Root, "data", "inbox");

    public MailServer Mail { get; } = new();

    public ProgramProcess Alerts => _alerts ?? throw new InvalidOperationException("the alerting service is not started");

    /// <param name="fixture">The simulator and influxd.</param>
    /// <param name="sourcesJson">sources.json.</param>
    /// <param name="rulesJson">The rules of alerts.json.</param>
    /// <param name="extraChannel">One more channel of alerts.json, which becomes the operators' (instead of mail).</param>
    public static async Task<AlertDeployment> CreateAsync(PipelineFixture fixture, string sourcesJson, string rulesJson, string? extraChannel = null)
    {
        var deployment = new AlertDeployment(fixture);
        await fixture.Influx.CreateDatabaseAsync(deployment._database);
        await deployment.Mail.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(deployment.Config, "sources.json"), sourcesJson);
        string alerts = deployment.AlertsJson(rulesJson);
        if (extraChannel is not null)
        {
            alerts = alerts
                .Replace("\"channels\": [", "\"channels\": [ " + extraChannel + ",", StringComparison.Ordinal)
                .Replace("\"channel\": \"email\", \"address\": \"cntt@kpimonitor.test\"", "\"channel\": \"extra\", \"address\": \"cntt\"", StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(Path.Combine(deployment.Config, "alerts.json"), alerts);
        return deployment;
    }

    /// <summary>Extra settings of the alerting process (the secrets an extra channel names).</summary>
    public Dictionary<string, string> AlertsSettings { get; } = [];

    /// <summary>alerts.json: every alert mailed to the ICT office (no recipients of units), no quiet hours (the tests run at any hour).</summary>
    private string AlertsJson(string rules) => $$"""
        // Cảnh báo của phép thử đầu-cuối: mọi cảnh báo gửi thư cho Phòng CNTT.
        {
          "dashboardUrl": "http://localhost:5080",
          "defaults": { "for": 1, "keepFiringFor": 0, "repeat": "1d" },
          "channels": [
            { "code": "email", "type": "email", "host": "127.0.0.1", "port": {{Mail.Port}}, "from": "canhbao@kpimonitor.test",
              "userKey": "KPIMONITOR_SMTP_USER", "passwordKey": "KPIMONITOR_SMTP_PASSWORD" }
          ],
          "operators": [ { "name": "Phòng Công nghệ thông tin", "channel": "email", "address": "cntt@kpimonitor.test" } ],
          "rules": [ {{rules}} ]
        }
        """;

    /// <summary>The settings both programs get, as compose gives them: the store, the catalogue, the secrets.</summary>
    private Dictionary<string, string> Environment() => new()
    {
        ["Catalog__Directory"] = Config,
        ["Storage__Influx__Url"] = _fixture.Influx.Url.ToString(),
        ["Storage__Influx__Database"] = _database,
        ["Storage__Influx__Timeout"] = "00:00:05",
        ["KPIMONITOR_EOFFICE_SECRET"] = SimulatorOptions.DemoClientSecret,
        ["KPIMONITOR_SMTP_USER"] = "",
        ["KPIMONITOR_SMTP_PASSWORD"] = "",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    /// <summary>One collection: <c>KpiMonitor.Collector --once</c> in the deployment's folder.</summary>
    public async Task<(int ExitCode, string Output)> CollectOnceAsync()
    {
        var environment = Environment();
        environment["Collector__StateDirectory"] = Path.Combine(Root, "state");
        environment["Collector__HttpRetries"] = "0";
        return await ProgramProcess.RunAsync("Collector", "KpiMonitor.Collector", Root, environment, "--once");
    }

    /// <summary>
    /// Starts <c>KpiMonitor.AlertService</c>: an evaluation every 10 s (the shortest allowed), change polls every second;
    /// <paramref name="storeUrl"/> replaces the fixture's influxd.
    /// </summary>
    public void StartAlerts(Uri? storeUrl = null)
    {
        var environment = AlertsEnvironment(storeUrl);
        _alerts = ProgramProcess.Start("AlertService", "KpiMonitor.AlertService", Root, environment);
    }

    /// <summary>Runs the alerting program until it ends by itself (a bad configuration).</summary>
    public Task<(int ExitCode, string Output)> RunAlertsToEndAsync() =>
        ProgramProcess.RunAsync("AlertService", "KpiMonitor.AlertService", Root, AlertsEnvironment(null));

    private Dictionary<string, string> AlertsEnvironment(Uri? storeUrl)
    {
        var environment = Environment();
        if (storeUrl is not null)
        {
            environment["Storage__Influx__Url"] = storeUrl.ToString();
        }

        environment["Alerts__EvaluationInterval"] = "00:00:10";
        environment["Alerts__ChangePollInterval"] = "00:00:01";
        environment["Alerts__Delivery__MaxAttempts"] = "2";
        environment["Alerts__Delivery__InitialBackoff"] = "00:00:00.1";
        environment["AlertService__HealthFile"] = HealthFile;
        foreach (var (key, value) in AlertsSettings)
        {
            environment[key] = value;
        }

        return environment;
    }

    public string HealthFile => Path.Combine(Root, "alerts", "health.txt");

    /// <summary>A CSV of manual figures dropped for the collector's <c>manual</c> source.</summary>
    public async Task DropFiguresAsync(string name, params string[] rows)
    {
        var text = new StringBuilder("Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị,Tử số,Mẫu số,Ghi chú\n");
        foreach (string row in rows)
        {
            text.Append(row).Append('\n');
        }

        // Written beside, then moved in: the collector never reads half a file. Dated a minute back: the collector leaves
        // files alone until they have not changed for 2 s (someone may still be copying them).
        string temporary = Path.Combine(Root, name + ".tmp");
        await File.WriteAllTextAsync(temporary, text.ToString(), new UTF8Encoding(true));
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temporary, Path.Combine(Inbox, name));
    }

    /// <summary>Waits for the <paramref name="count"/>-th mail; the alerting service's output explains a time-out.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMailsAsync(int count, TimeSpan timeout, string? context = null)
    {
        try
        {
            await Eventually.WaitUntilAsync(() => Mail.Received().Count >= count || Alerts.HasExited, $"{count} mail(s)", timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- alerting service ---\n{Alerts.Output}\n--- before ---\n{context}", e);
        }

        Assert.False(Alerts.HasExited, Alerts.Output);
        return Mail.Received();
    }

    /// <summary>The alert events the service stored, read back through the real InfluxDB store.</summary>
    public async Task<IReadOnlyList<AlertEvent>> StoredEventsAsync()
    {
        using var http = new HttpClient { BaseAddress = _fixture.Influx.Url };
        var options = Options.Create(new InfluxOptions { Url = _fixture.Influx.Url.ToString(), Database = _database });
        var store = new InfluxTimeSeriesStore(http, options, _fixture.Catalog, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<InfluxTimeSeriesStore>.Instance);
        return await new AlertEventLog(store).ReadAsync(null, CancellationToken.None);
    }

    public static string CurrentMonth() =>
        KpiMonitor.Shared.Periods.VietnamTime.DateOf(DateTimeOffset.UtcNow).ToString("MM/yyyy", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_alerts is not null)
        {
            await _alerts.DisposeAsync();
        }

        Mail.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
