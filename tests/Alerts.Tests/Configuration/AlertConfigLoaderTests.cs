using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Configuration;

/// <summary>The shipped <c>config/alerts.json</c> loads against the demo catalogue; each mistake in a copy of it is named by file and path.</summary>
public sealed class AlertConfigLoaderTests : IDisposable
{
    private static readonly Catalog DemoCatalog = CatalogLoader.Load(RepoPaths.Config);
    private static readonly string[] DemoSources = SourceLoader.Load(new SourceLoadContext(DemoCatalog, DemoCatalog.Directory)).Select(s => s.Code).ToArray();

    private readonly string _dir = Directory.CreateTempSubdirectory("kpimonitor-alerts-").FullName;

    [Fact]
    public void ShippedFile_Loads_WithTheDocumentedDefaults()
    {
        var config = Load();

        Assert.Equal(8, config.Rules.Count);
        Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 30), AlertSeverity.Critical), (config.QuietHours!.From, config.QuietHours.To, config.QuietHours.Passes));
        Assert.Equal(TimeSpan.FromHours(4), config.EscalateAfter);
        Assert.Equal(ProjectionMethod.Pace, Rule(config, "online-dossier-projection").Projection!.Method);
        Assert.Equal(ProjectionMethod.LinearTrend, Rule(config, "antimalware-projection").Projection!.Method);
        Assert.True(Rule(config, "stale-figures").Policy(null).ResolvesOnNewFigureOnly);
        Assert.Equal(new RuleScope("commune", []), Rule(config, "on-time-target").Scope with { Units = [] });
        Assert.Null(Rule(config, "online-dossier-target").Severity);
        Assert.Equal("KPIMONITOR_SMTP_PASSWORD", config.Channels.Single(c => c.Type == ChannelType.Email).PasswordKey);
    }

    [Theory]
    [InlineData("\"kpi\": \"on_time_rate\"", "\"kpi\": \"no_such_kpi\"", "$.rules[1].kpi", "'no_such_kpi' không có trong kpis.json")]
    [InlineData("\"defaults\": { \"for\": 1, \"keepFiringFor\": 1, \"repeat\": \"1d\" }", "\"defaults\": null", "$.defaults", "phải là một đối tượng JSON")]
    [InlineData("\"escalation\": { \"after\": \"4h\" }", "\"escalation\": \"4h\"", "$.escalation", "phải là một đối tượng JSON")]
    [InlineData("\"quietHours\": {", "\"quietHours\": { \"enabled\": \"false\",", "$.quietHours.enabled", "phải là true hoặc false")]
    [InlineData("\"scope\": { \"level\": \"commune\" }", "\"scope\": { \"level\": \"hamlet\" }", "$.rules[1].scope.level", "cấp 'hamlet' không có")]
    [InlineData("\"scope\": \"all\"", "\"scope\": { \"units\": [ \"LCU\", \"LCU.X.NOWHERE\" ] }", "$.rules[0].scope.units[1]", "'LCU.X.NOWHERE' không có")]
    [InlineData("\"unit\": \"LCU.S.SNV\"", "\"unit\": \"LCU.S.XXX\"", "$.recipients[1].unit", "'LCU.S.XXX' không có")]
    [InlineData("\"level\": \"commune\", \"contacts\"", "\"level\": \"hamlet\", \"contacts\"", "$.recipients[2].level", "'hamlet'")]
    [InlineData("\"channel\": \"telegram\"", "\"channel\": \"zalo\"", "$.recipients[0].contacts[1].channel", "kênh 'zalo' không có")]
    [InlineData("\"address\": \"snv@kpimonitor.local\"", "\"address\": \"snv\"", "$.recipients[1].contacts[0].address", "không phải địa chỉ thư điện tử")]
    [InlineData("kỳ {period} đạt {value}", "kỳ {period} đạt {giatri}", "$.rules[0].summary", "'{giatri}' không dùng được")]
    [InlineData("số liệu gần nhất: {lastFigure}", "số liệu gần nhất: {value}", "$.rules[6].summary", "'{value}' không dùng được cho quy tắc loại 'stale'")]
    [InlineData("Lỗi: {error}\"", "Lỗi: {error\"", "$.rules[7].summary", "không được đóng")]
    [InlineData("(ngưỡng {threshold})", "(ngưỡng threshold})", "$.rules[3].summary", "không có dấu '{' mở")]
    [InlineData("\"passwordKey\": \"KPIMONITOR_SMTP_PASSWORD\"", "\"password\": \"hunter2\"", "$.channels[0].password", "bí mật không được ghi trong alerts.json")]
    [InlineData("\"tokenKey\": \"KPIMONITOR_TELEGRAM_TOKEN\"", "\"tokenKey\": \"123456:ABC-DEF_ghi\"", "$.channels[1].tokenKey", "tên khoá cấu hình")]
    [InlineData("\"urlKey\": \"KPIMONITOR_TEAMS_WEBHOOK_URL\"", "\"urlKey\": \"https://example.webhook.office.com/x\"", "$.channels[2].urlKey", "không phải giá trị bí mật")]
    [InlineData("\"template\": \"teams\"", "\"template\": \"slackish\"", "$.channels[2].template", "'slackish' không hợp lệ")]
    [InlineData("\"consecutiveFailures\": 3", "\"sources\": [ \"eoffice\", \"nosuch\" ], \"consecutiveFailures\": 3", "$.rules[7].sources[1]", "nguồn 'nosuch' không có")]
    [InlineData("\"grace\": \"3d\"", "\"grace\": \"3 ngày\"", "$.rules[6].grace", "'3 ngày' không hợp lệ")]
    [InlineData("\"months\": 6,", "\"method\": \"pace\", \"months\": 6,", "$.rules[5].method", "dùng 'linearTrend'")]
    [InlineData("\"notify\": [ \"unit\" ]", "\"notify\": [ \"unit\", \"grandparent\" ]", "$.routes[1].notify[1]", "'grandparent' không hợp lệ")]
    [InlineData("\"kind\": \"stale\"", "\"kind\": \"trend\"", "$.rules[6].kind", "'trend' không hợp lệ")]
    [InlineData("\"kind\": \"target\", \"kpi\": \"on_time_rate\"", "\"kind\": \"target\", \"above\": 5, \"kpi\": \"on_time_rate\"", "$.rules[1].above", "không được hỗ trợ")]
    [InlineData("\"compare\": \"value\", \"above\": 20", "\"compare\": \"value\", \"above\": 20, \"below\": 5", "$.rules[3]", "'above' hoặc 'below'")]
    [InlineData("\"for\": 1, \"keepFiringFor\": 1", "\"for\": -1, \"keepFiringFor\": 1", "$.defaults.for", "0–1000")]
    [InlineData("\"from\": \"22:00\"", "\"from\": \"10pm\"", "$.quietHours.from", "HH:mm")]
    [InlineData("\"after\": \"4h\"", "\"after\": \"soon\"", "$.escalation.after", "'soon' không hợp lệ")]
    public void OneMistake_IsReportedWithFileAndPath(string find, string replace, string path, string what)
    {
        var error = Assert.Throws<ConfigValidationException>(() => Load(find, replace));

        Assert.Contains(error.Errors, e => e.File.EndsWith("alerts.json", StringComparison.Ordinal) && e.Path == path && e.Message.Contains(what, StringComparison.Ordinal));
        Assert.Contains($"alerts.json {path}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralMistakes_AreAllReportedAtOnce()
    {
        var error = Assert.Throws<ConfigValidationException>(() => Load(
            ("\"kpi\": \"on_time_rate\"", "\"kpi\": \"no_such_kpi\""), ("\"channel\": \"telegram\"", "\"channel\": \"zalo\"")));

        Assert.Equal(["$.recipients[0].contacts[1].channel", "$.rules[1].kpi"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BrokenJson_IsReportedWithLineAndColumn()
    {
        var error = Assert.Throws<ConfigValidationException>(() => Load("\"rules\": [", "\"rules\": [ ,,"));

        Assert.Contains(error.Errors, e => e.File.EndsWith("alerts.json", StringComparison.Ordinal) && e.Message.Contains("dòng", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AlertRule Rule(AlertConfig config, string code) => config.Rules.Single(r => r.Code == code);

    private AlertConfig Load(string find, string replace) => Load((find, replace));

    private AlertConfig Load(params (string Find, string Replace)[] edits)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Config, AlertConfigLoader.AlertsFile));
        foreach (var (find, replace) in edits)
        {
            Assert.Equal(1, CountOf(text, find));
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        string file = Path.Combine(_dir, AlertConfigLoader.AlertsFile);
        File.WriteAllText(file, text);
        return AlertConfigLoader.Load(file, DemoCatalog, DemoSources);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
