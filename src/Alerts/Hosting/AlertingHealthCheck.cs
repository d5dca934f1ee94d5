using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>
/// Healthy while evaluations complete: the last one no older than three evaluation intervals and after the last failure.
/// If the service stops evaluating, nobody is notified (ADR 011), so this is what compose and the operators watch.
/// </summary>
public sealed class AlertingHealthCheck(AlertingService service, IOptions<AlertingOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = service.Status;
        var data = new Dictionary<string, object>
        {
            ["lastEvaluation"] = status.LastEvaluationAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            ["evaluations"] = status.Evaluations,
            ["lastError"] = status.LastError ?? "",
            ["undelivered"] = status.Undelivered,
        };
        foreach (var (phase, count) in status.Phases)
        {
            data[phase.ToString()] = count;
        }

        var result = status.IsHealthy(time.GetUtcNow(), 3 * options.Value.EvaluationInterval)
            ? HealthCheckResult.Healthy("Đánh giá cảnh báo đang chạy.", data)
            : new HealthCheckResult(context.Registration.FailureStatus,
                status.LastError is null ? "Chưa có lần đánh giá cảnh báo gần đây." : $"Lần đánh giá cảnh báo gần nhất lỗi ({status.LastError}).",
                data: data);
        return Task.FromResult(result);
    }
}
