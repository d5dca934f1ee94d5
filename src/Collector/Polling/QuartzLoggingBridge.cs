using Quartz.Diagnostics;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// Quartz keeps its logger factory in a static. A process that builds a second host (a restart in tests, the
/// dashboard's test server) would leave Quartz logging through the first host's disposed factory, so this
/// service, registered before Quartz's and therefore constructed first, points Quartz at the current host's.
/// </summary>
public sealed class QuartzLoggingBridge : IHostedService
{
    public QuartzLoggingBridge(ILoggerFactory loggerFactory) => LogProvider.SetLogProvider(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
