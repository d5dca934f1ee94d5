using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Logging.Telemetry;

/// <summary>Export of KpiMonitor's own metrics and traces (section <c>Telemetry</c>), validated at start.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Telemetry";

    /// <summary>
    /// Base address of an OTLP receiver (an OpenTelemetry Collector, Grafana Alloy…), for example
    /// <c>http://otel-collector:4318</c>; metrics go to <c>/v1/metrics</c> and traces to <c>/v1/traces</c> over
    /// HTTP/protobuf, or to the address itself over gRPC. Empty: nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>http/protobuf</c> (port 4318) or <c>grpc</c> (port 4317).</summary>
    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary>How often metrics are exported.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Telemetry:ExportInterval phải từ 00:00:01 đến 01:00:00 (mặc định 00:01:00).")]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Port of a Prometheus scrape endpoint (<c>/metrics</c>) serving the KpiMonitor meter; 0 serves none. Each process
    /// needs its own port when several run on one machine.
    /// </summary>
    [Range(0, 65535, ErrorMessage = "Telemetry:PrometheusPort phải từ 0 (tắt) đến 65535.")]
    public int PrometheusPort { get; set; }

    /// <summary>Host name the scrape endpoint listens on: <c>+</c> every address, <c>127.0.0.1</c> this machine only.</summary>
    [Required(ErrorMessage = "Telemetry:PrometheusHost không được để trống (mặc định +).")]
    public string PrometheusHost { get; set; } = "+";

    /// <summary>The service name the exported data carries; each process sets its own default.</summary>
    public string? ServiceName { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"Telemetry:OtlpEndpoint '{OtlpEndpoint}' phải là địa chỉ http(s) đầy đủ, ví dụ http://otel-collector:4318.");
        }

        if (OtlpProtocol is not ("http/protobuf" or "grpc"))
        {
            yield return new ValidationResult($"Telemetry:OtlpProtocol '{OtlpProtocol}' không hợp lệ: chọn http/protobuf hoặc grpc.");
        }
    }
}
