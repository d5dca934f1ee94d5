using KpiMonitor.Shared.Configuration;
using KpiMonitor.SourceSimulator;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>
/// Starts the simulated source systems before the collector's schedules start (hosted services start in
/// registration order), on the port config/sources.json points at.
/// </summary>
public sealed class DemoSimulatorService(IOptions<DemoOptions> options, Catalog catalog, ILogger<DemoSimulatorService> logger) : IHostedService, IAsyncDisposable
{
    private SimulatorHost? _host;

    public SimulatorHost Host => _host ?? throw new InvalidOperationException("Trình mô phỏng chưa chạy.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _host = await SimulatorHost.StartAsync(new SimulatorOptions { Catalog = catalog, Port = options.Value.SimulatorPort }, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new KpiMonitor.Shared.Hosting.StartupException(
                $"Không mở được cổng {options.Value.SimulatorPort} cho trình mô phỏng nguồn dữ liệu (đã có chương trình khác dùng?). Đổi Demo:SimulatorPort và baseUrl trong config/sources.json.", ex);
        }

        logger.LogInformation("Trình mô phỏng nguồn dữ liệu chạy tại {Url}", _host.BaseUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
