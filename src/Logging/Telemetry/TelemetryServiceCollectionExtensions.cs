using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KpiMonitor.Logging.Telemetry;

/// <summary>
/// OpenTelemetry for a KpiMonitor process: the <c>KpiMonitor</c> meter and activity source (KpiMonitorTelemetry in
/// Shared), HttpClient traces and the .NET runtime's metrics, exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is
/// set (without it nothing of OpenTelemetry is registered), and the meter for Prometheus to scrape when
/// <c>Telemetry:PrometheusPort</c> is set (<see cref="PrometheusScrapeService"/>).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The name of KpiMonitor's meter and activity source.</summary>
    public const string SourceName = "KpiMonitor";

    /// <summary>Registers the options and, when an endpoint is configured, the exporters.</summary>
    public static IServiceCollection AddKpiMonitorTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddOptionsWithValidateOnStart<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateDataAnnotations();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.PrometheusPort > 0)
        {
            services.AddSingleton<PrometheusScrapeService>();
            services.AddHostedService(sp => sp.GetRequiredService<PrometheusScrapeService>());
        }

        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint) || !Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return services; // a malformed address stops the start through the validation above
        }

        bool grpc = options.OtlpProtocol == "grpc";
        Uri For(string signal) => grpc ? endpoint : new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(string.IsNullOrWhiteSpace(options.ServiceName) ? serviceName : options.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(SourceName)
                .AddRuntimeInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Endpoint = For("metrics");
                    exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                }))
            .WithTracing(tracing => tracing
                .AddSource(SourceName)
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter =>
                {
                    exporter.Endpoint = For("traces");
                    exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        return services;
    }
}
