using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>The hosted adapter: polls <see cref="AlertingService"/> at start and then every <see cref="AlertingOptions.ChangePollInterval"/>.</summary>
public sealed class AlertingBackgroundService(AlertingService service, IOptions<AlertingOptions> options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChangePollInterval, time);
        do
        {
            await service.PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
