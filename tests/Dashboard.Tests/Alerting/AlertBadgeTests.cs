using System.Text.RegularExpressions;
using KpiMonitor.Alerts;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Dashboard.Tests.Web;

namespace KpiMonitor.Dashboard.Tests.Alerting;

/// <summary>Its own dashboard and store: the badge counts every firing alert there is.</summary>
public sealed partial class AlertBadgeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task TheHeaderBadge_CountsFiringAlerts_NotPendingOnes_OnEveryPage()
    {
        var client = await factory.SignedInAsync();
        string before = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));
        string noEvaluation = await client.GetStringAsync(new Uri("/canh-bao", UriKind.Relative));
        var at = DateTimeOffset.UtcNow.AddHours(-1);

        await AlertSeeds.WriteAsync(factory.Services,
        [
            .. AlertSeeds.Firing(new AlertKey("t-badge", "LCU.X.BANBO", "online_dossier_rate"), at, AlertSeverity.Critical, "a"),
            .. AlertSeeds.Firing(new AlertKey("t-badge", "LCU.X.NATAM", "online_dossier_rate"), at, AlertSeverity.Warning, "b"),
            .. AlertSeeds.Pending(new AlertKey("t-badge", "LCU.X.BANHON", "online_dossier_rate"), at, AlertSeverity.Critical, "c"),
        ]);
        string sources = await client.GetStringAsync(new Uri("/nguon-du-lieu", UriKind.Relative));
        string unit = await client.GetStringAsync(new Uri("/don-vi/LCU", UriKind.Relative));

        Assert.Equal("0", Badge(before));
        Assert.Contains("Dịch vụ cảnh báo chưa ghi nhận lần đánh giá nào", noEvaluation, StringComparison.Ordinal);
        Assert.Equal("2", Badge(sources));
        Assert.Equal("2", Badge(unit));
        Assert.Contains("class=\"alert-badge firing\"", sources, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/canh-bao\" class=\"alerts-link\"", sources);
    }

    private static string Badge(string html) => BadgePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [GeneratedRegex("data-firing=\"(\\d+)\"")]
    private static partial Regex BadgePattern();
}
