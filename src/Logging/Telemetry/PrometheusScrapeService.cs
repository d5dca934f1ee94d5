using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace KpiMonitor.Logging.Telemetry;

/// <summary>
/// Serves the <c>KpiMonitor</c> meter for Prometheus to scrape at <c>http://host:Telemetry:PrometheusPort/metrics</c>
/// (prometheus-net: its meter adapter turns <c>kpimonitor.collector.polls</c> into <c>kpimonitor_collector_polls</c>…),
/// on a port of its own so that the collector, which has no web server, and the dashboard, whose pages need a sign-in,
/// serve it alike. Only KpiMonitor's instruments are published, in a registry of their own.
/// </summary>
public sealed class PrometheusScrapeService(IOptions<TelemetryOptions> options) : IHostedService, IDisposable
{
    private MetricServer? _server;
    private IDisposable? _adapter;

    /// <summary>Where the metrics are served, once started.</summary>
    public Uri? Url { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var registry = Metrics.NewCustomRegistry();
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = registry,
            // Without it the adapter's metrics go to prometheus-net's default registry, not this one.
            MetricFactory = Metrics.WithCustomRegistry(registry),
            InstrumentFilterPredicate = instrument => instrument.Meter.Name == TelemetryServiceCollectionExtensions.SourceName,
        });
        _server = new MetricServer(settings.PrometheusHost, settings.PrometheusPort, "metrics/", registry);
        _server.Start();
        string host = settings.PrometheusHost is "+" or "*" ? "localhost" : settings.PrometheusHost;
        Url = new Uri($"http://{host}:{settings.PrometheusPort}/metrics");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _server?.Dispose();
        _adapter?.Dispose();
    }
}
