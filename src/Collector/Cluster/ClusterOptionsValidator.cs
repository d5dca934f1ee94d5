using Microsoft.Extensions.Options;
using Npgsql;

namespace KpiMonitor.Collector.Cluster;

/// <summary>A connection string Npgsql can read and that names a host; the message never repeats it (it holds a password).</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(parsed.Host)
                ? ValidateOptionsResult.Fail("Collector:Cluster:ConnectionString thiếu máy chủ PostgreSQL (Host=…).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The exception's text may quote the string, password included.
            return ValidateOptionsResult.Fail("Collector:Cluster:ConnectionString không phải chuỗi kết nối PostgreSQL hợp lệ (dạng Host=…;Port=5432;Username=…;Password=…;Database=…).");
        }
    }
}
