using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// /health reports whether the store answers. The health checks are open to anyone, so the answer says only that;
/// what failed and where (server address, file) goes to the dashboard's log.
/// </summary>
public sealed class StoreHealthCheck(ITimeSeriesStore store, ILogger<StoreHealthCheck> logger) : IHealthCheck
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
            logger.LogWarning("Kiểm tra sức khỏe: kho dữ liệu không trả lời: {Error}", ex.Message);
            return HealthCheckResult.Unhealthy("Kho dữ liệu không trả lời; chi tiết trong nhật ký của dashboard.");
        }
    }
}
