using KpiMonitor.Collector.Polling;
using KpiMonitor.Dashboard.Hosting;
using KpiMonitor.Dashboard.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Sources;

public sealed class ConfiguredSourcesTests
{
    [Fact]
    public void InDemoMode_TheSourcesAreTheCollectorsOwn()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Demo:Enabled"] = "true";
        builder.AddDashboard();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(services.GetRequiredService<SourceRegistry>().All, services.GetRequiredService<ConfiguredSources>().All);
    }

    [Fact]
    public void WithTheDemoOff_SourcesJsonIsLoadedWithoutTheCollectorOrItsSecrets()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Demo:Enabled"] = "false";
        builder.AddDashboard();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Null(services.GetService<SourceRegistry>());
        Assert.Contains(services.GetRequiredService<ConfiguredSources>().All, s => s.Code == "eoffice" && s.StaleAfter == TimeSpan.FromHours(26));
    }
}
