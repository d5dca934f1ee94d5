using KpiMonitor.Shared.Sources;

namespace KpiMonitor.Collector.Auth;

/// <summary>Reads a source's secret from configuration (environment variables, user secrets), never from config/.</summary>
public sealed class SecretReader(IConfiguration configuration)
{
    public bool IsSet(string key) => !string.IsNullOrEmpty(configuration[key]);

    public string Read(SourceDefinition source) =>
        source.Auth.SecretKey is { } key && configuration[key] is { Length: > 0 } value
            ? value
            : throw new KpiMonitor.Collector.Sources.SourceReadException($"Nguồn '{source.Code}': chưa đặt bí mật '{source.Auth.SecretKey}'.");
}
