using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using static KpiMonitor.Alerts.Tests.Hosting.ServiceFixture;
using static KpiMonitor.Testing.TestCatalog;

namespace KpiMonitor.Alerts.Tests.Hosting;

/// <summary>The store failing in one evaluation is logged once and recorded; the next evaluation runs and catches up.</summary>
public sealed class AlertingFailureTests : IDisposable
{
    private readonly ServiceFixture _data = new();

    [Fact]
    public async Task StoreFailingInOneEvaluation_IsLoggedOnce_AndTheNextOneRuns()
    {
        var notifier = _data.Notifier();
        var logger = new CapturingLogger<AlertingService>();
        var service = _data.Service(notifier, logger: logger);
        await _data.WriteBreachesAsync();
        Assert.True(await service.PollAsync(Ct));

        await _data.ExecuteAsync("ALTER TABLE kpi_change RENAME TO kpi_change_away");
        Assert.False(await _data.NextEvaluationAsync(service));
        var failed = service.Status;
        var check = new AlertingHealthCheck(service, Microsoft.Extensions.Options.Options.Create(_data.Options), _data.Clock);
        var unhealthy = await check.CheckHealthAsync(Context(check), Ct);

        await _data.ExecuteAsync("ALTER TABLE kpi_change_away RENAME TO kpi_change");
        Assert.True(await _data.NextEvaluationAsync(service));

        Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.NotNull(failed.LastError);
        Assert.False(failed.IsHealthy(_data.Clock.GetUtcNow(), TimeSpan.FromMinutes(15)));
        Assert.True(service.Status.IsHealthy(_data.Clock.GetUtcNow(), TimeSpan.FromMinutes(15)));
        Assert.Equal(3, service.Status.Phases[AlertPhase.Firing]);
        Assert.Single(notifier.Deliveries);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.StartsWith("Lần đánh giá cảnh báo gần nhất lỗi (đọc phiên bản dữ liệu: ", unhealthy.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(Context(check), Ct)).Status);
    }

    [Fact]
    public async Task AppendFailing_DropsTheBook_AndTheNextEvaluationDecidesAgainFromTheStore()
    {
        var notifier = _data.Notifier();
        var service = _data.Service(notifier);
        await _data.WriteBreachesAsync();
        Assert.True(await service.PollAsync(Ct));

        // Only the alert events' insert fails: reads, versions and the actions log still work.
        await _data.ExecuteAsync(
            "CREATE TRIGGER refuse_alerts BEFORE INSERT ON stored_event WHEN NEW.log = 'alerts' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        Assert.False(await _data.NextEvaluationAsync(service));
        Assert.Empty(notifier.Deliveries);

        await _data.ExecuteAsync("DROP TRIGGER refuse_alerts");
        Assert.True(await _data.NextEvaluationAsync(service));

        var digests = Assert.Single(notifier.Deliveries);
        Assert.Equal(2, digests.Count);
        var fired = (await _data.Events.ReadAsync(null, Ct)).OfType<AlertFired>().Single(e => e.Key == Key(CommuneA));
        Assert.Equal(2, fired.Sequence);
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration("alerting", check, HealthStatus.Unhealthy, null) };

    public void Dispose() => _data.Dispose();
}
