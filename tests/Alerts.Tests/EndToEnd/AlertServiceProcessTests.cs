using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.EndToEnd;

/// <summary>The alerting program as compose and the README run it: exit code 2 for a bad file, a health file that tells the truth.</summary>
[Collection(PipelineCollection.Name)]
public sealed class AlertServiceProcessTests(PipelineFixture fixture)
{
    private const string Rule = """
        { "code": "source-down", "kind": "sourceDown", "severity": "critical", "consecutiveFailures": 2, "summary": "Nguồn {source} không đọc được." }
        """;

    private const string NoSources = """{ "sources": [] }""";

    [Fact]
    public async Task BadAlertsFile_ExitCode2_NamingTheFileAndPath()
    {
        await using var deployment = await AlertDeployment.CreateAsync(fixture, NoSources, Rule.Replace("sourceDown", "noSuchKind", StringComparison.Ordinal));

        var (exitCode, output) = await deployment.RunAlertsToEndAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains(Path.Combine(deployment.Config, "alerts.json"), output, StringComparison.Ordinal);
        Assert.Contains("rules[0]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthFile_Healthy_WhileEvaluating_Unhealthy_WhenTheStoreDoesNotAnswer()
    {
        await using var deployment = await AlertDeployment.CreateAsync(fixture, NoSources, Rule);
        deployment.StartAlerts();
        await Eventually.WaitUntilAsync(
            () => FirstLine(deployment.HealthFile) == "healthy" || deployment.Alerts.HasExited, "a healthy health file", TimeSpan.FromSeconds(30));
        Assert.False(deployment.Alerts.HasExited, deployment.Alerts.Output);
        await deployment.Alerts.DisposeAsync();

        deployment.StartAlerts(storeUrl: new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"));
        await Eventually.WaitUntilAsync(
            () => File.ReadAllText(deployment.HealthFile).Contains("evaluations: 0", StringComparison.Ordinal),
            "a health file written by the new process", TimeSpan.FromSeconds(30));

        Assert.Equal("unhealthy", FirstLine(deployment.HealthFile));
        Assert.DoesNotContain("Password", deployment.Alerts.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WebhookDown_DigestCountedUndelivered_LogNamesTheChannel_NeverTheUrlOrToken()
    {
        const string token = "bi-mat-7c1e9a42";
        const string sources = """
            { "sources": [ { "code": "manual", "nameVi": "Số liệu nhập tay", "kind": "drop-folder", "schedule": "0 */5 * * * ?", "folder": "data/inbox" } ] }
            """;
        const string rules = """
            { "code": "online-dossier-target", "kind": "target", "kpi": "online_dossier_rate", "scope": { "units": [ "LCU.X.TANPHONG" ] }, "for": 0,
              "summary": "{unit}: {kpi} đạt {value}, mục tiêu {target}." }
            """;
        await using var deployment = await AlertDeployment.CreateAsync(fixture, sources, rules,
            """{ "code": "extra", "type": "webhook", "template": "teams", "urlKey": "KPIMONITOR_TEAMS_WEBHOOK_URL" }""");
        // Nobody listens there: every attempt is refused.
        deployment.AlertsSettings["KPIMONITOR_TEAMS_WEBHOOK_URL"] =
            $"http://127.0.0.1:{LoopbackPort.Free()}/webhookb2/{token}/IncomingWebhook/{token}";
        deployment.StartAlerts();
        await deployment.DropFiguresAsync("thang-nay.csv", $"online_dossier_rate,LCU.X.TANPHONG,{AlertDeployment.CurrentMonth()},,20,100,");
        var collected = await deployment.CollectOnceAsync();
        Assert.True(collected.ExitCode == 0, collected.Output);

        await Eventually.WaitUntilAsync(
            () => ReadOrEmpty(deployment.HealthFile).Contains("undelivered: 1", StringComparison.Ordinal) || deployment.Alerts.HasExited,
            "one undelivered digest in the health file", TimeSpan.FromSeconds(60));
        // The process's output reaches the test through a pipe, possibly after the health file was written.
        await Eventually.WaitUntilAsync(
            () => deployment.Alerts.Output.Contains("kênh extra", StringComparison.Ordinal) || deployment.Alerts.HasExited,
            "the failure logged with its channel code", TimeSpan.FromSeconds(20));

        Assert.Contains("kênh extra", deployment.Alerts.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, deployment.Alerts.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ReadOrEmpty(deployment.HealthFile), StringComparison.Ordinal);
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string? FirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
