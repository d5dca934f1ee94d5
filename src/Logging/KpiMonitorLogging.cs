using Microsoft.Extensions.Configuration;
using Serilog;

namespace KpiMonitor.Logging;

/// <summary>The one Serilog set-up of the dashboard, the collector and the alerting process.</summary>
public static class KpiMonitorLogging
{
    /// <summary>Sinks and levels from the "Serilog" section of <paramref name="configuration"/>, every value made safe (<see cref="SafeLogValues"/>).</summary>
    public static LoggerConfiguration Configure(this LoggerConfiguration log, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.ReadFrom.Configuration(configuration).Enrich.With(new SafeLogValues());
    }
}
