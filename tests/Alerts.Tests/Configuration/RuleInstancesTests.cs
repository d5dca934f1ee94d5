using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Testing;

namespace KpiMonitor.Alerts.Tests.Configuration;

public sealed class RuleInstancesTests
{
    private static readonly Catalog Demo = CatalogLoader.Load(RepoPaths.Config);
    private static readonly string[] Sources = SourceLoader.Load(new SourceLoadContext(Demo, Demo.Directory)).Select(s => s.Code).ToArray();
    private static readonly AlertConfig Config = AlertConfigLoader.Load(Path.Combine(RepoPaths.Config, AlertConfigLoader.AlertsFile), Demo, Sources);
    private static readonly DateOnly AfterReform = new(2026, 3, 2);

    [Fact]
    public void LevelScope_CoversTheUnitsOfThatLevelExistingThatDay()
    {
        var keys = Instances("on-time-target", AfterReform);
        var communes = Demo.Units.Units.Where(u => u.Level == "commune" && u.ExistsOn(AfterReform)).Select(u => u.Code);

        Assert.Equal(communes.Order(StringComparer.Ordinal), keys.Select(k => k.Unit!).Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.Equal("on_time_rate", k.Kpi));
    }

    [Fact]
    public void StaleRuleWithoutKpi_HasOneInstancePerUnitAndKpi_AndDistrictsOnlyBeforeTheReform()
    {
        int units = Demo.Units.Units.Count(u => u.ExistsOn(AfterReform));

        var keys = Instances("stale-figures", AfterReform);

        Assert.Equal(units * Demo.Kpis.All.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Select(k => k.Id).Distinct().Count());
        Assert.DoesNotContain(keys, k => Demo.Units.Find(k.Unit!)!.Level == "district");
        Assert.Contains(Instances("stale-figures", new DateOnly(2025, 1, 2)), k => Demo.Units.Find(k.Unit!)!.Level == "district");
    }

    [Fact]
    public void SourceDownRule_HasOneInstancePerSource()
    {
        var keys = Instances("source-down", AfterReform);

        Assert.Equal(Sources.Select(s => $"source-down/@{s}"), keys.Select(k => k.Id));
    }

    private static List<AlertKey> Instances(string rule, DateOnly date) =>
        RuleInstances.Of(Config.Rules.Single(r => r.Code == rule), Demo, date, Sources).ToList();
}
