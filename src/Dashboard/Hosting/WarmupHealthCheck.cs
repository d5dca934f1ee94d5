using KpiMonitor.Shared.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Degraded while the first reading of the rollups runs, with its progress; healthy once it has ended.</summary>
public sealed class WarmupHealthCheck(WarmupState state) : IHealthCheck
{
    /// <summary>The tag of the checks /health/ready asks: only this one.</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Ready
            ? HealthCheckResult.Healthy("Số liệu tổng hợp đã nạp sẵn.")
            : HealthCheckResult.Degraded(WarmupGate.Message(state, Cultures.Vietnamese)));
}
