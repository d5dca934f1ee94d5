using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpiMonitor.SourceSimulator.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task StandalonePath_BindsTheSimulatorSection()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:SyntheticUnits"] = "12",
            ["Simulator:ApiKey"] = "configured-key",
            ["Simulator:TokenLifetime"] = "00:01:00",
        });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSourceSimulator(builder.Configuration);
        await using var app = builder.Build();
        app.MapSourceSimulator();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-API-Key", "configured-key");

        using var response = await http.GetAsync(new Uri("/antimalware/api/endpoints/summary", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = app.Services.GetRequiredService<SimulatorState>();
        Assert.Equal(12, state.Units.All.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), state.Tokens.Lifetime);
        await app.StopAsync();
    }

    [Fact]
    public async Task InvalidOptions_StopTheStart_NamingTheSetting()
    {
        var options = new SimulatorOptions { SyntheticUnits = 10, MaxPageSize = 5000, ClientSecret = "" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(options, CancellationToken.None));

        Assert.Contains(error.Failures, f => f.Contains("MaxPageSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ClientSecret", StringComparison.Ordinal));
    }
}
