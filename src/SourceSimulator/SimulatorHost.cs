using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KpiMonitor.SourceSimulator;

/// <summary>
/// The simulator running inside another process (tests, the dashboard demo): Kestrel on 127.0.0.1,
/// on a free port unless <see cref="SimulatorOptions.Port"/> names one.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseUrl, SimulatorState state)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = state;
    }

    /// <summary>Where the simulator listens, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Faults, counters, tokens and truth, in-process.</summary>
    public SimulatorState State { get; }

    /// <summary>Validates the options, starts Kestrel and returns once it accepts connections.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Its address as its Urls, not a Kestrel Listen(): the host process's appsettings.json (the dashboard's, beside
        // the program) names Urls of its own, and Listen() over them makes Kestrel warn on every start. An empty Urls
        // falls back to that file's. Port 0 takes a free one.
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{IPAddress.Loopback}:{options.Port}"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSourceSimulator(options);
        var app = builder.Build();
        app.MapSourceSimulator();
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"), app.Services.GetRequiredService<SimulatorState>());
    }

    /// <summary>Stops Kestrel; requests held by the timeout fault are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
