using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>/health reports whether the store answers; the message names the problem, never a credential.</summary>
public sealed class StoreHealthCheck(ITimeSeriesStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("Kho dữ liệu trả lời.");
        }
        catch (TimeSeriesStoreException ex)
        {
            return HealthCheckResult.Unhealthy($"Kho dữ liệu không trả lời: {ex.Message}");
        }
    }
}
