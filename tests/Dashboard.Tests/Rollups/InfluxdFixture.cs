using KpiMonitor.Testing;

namespace KpiMonitor.Dashboard.Tests.Rollups;

/// <summary>One private influxd for a test class; the stores share one HttpClient, as IHttpClientFactory would share a handler.</summary>
public sealed class InfluxdFixture : IAsyncLifetime
{
    private InfluxdServer? _server;

    public Uri Url => _server?.Url ?? throw new InvalidOperationException("influxd has not started.");

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => _server = await InfluxdServer.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
