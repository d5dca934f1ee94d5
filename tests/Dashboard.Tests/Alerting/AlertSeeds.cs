using KpiMonitor.Alerts;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KpiMonitor.Dashboard.Tests.Alerting;

/// <summary>Writes alert events into a test's store as the alerting service would (AlertEventLog over the real IEventLog).</summary>
internal static class AlertSeeds
{
    public static AlertSnapshot Snapshot(AlertSeverity severity, string summary, double? value = 25, double? target = 50) =>
        new(severity, value, target, summary, null);

    /// <summary>Pending at <paramref name="at"/>, fired a minute later (sequences 1 and 2).</summary>
    public static AlertEvent[] Firing(AlertKey key, DateTimeOffset at, AlertSeverity severity, string summary) =>
    [
        new AlertPending(key, 1, at, Snapshot(severity, summary)),
        new AlertFired(key, 2, at.AddMinutes(1), Snapshot(severity, summary)),
    ];

    public static AlertEvent[] Pending(AlertKey key, DateTimeOffset at, AlertSeverity severity, string summary) =>
        [new AlertPending(key, 1, at, Snapshot(severity, summary))];

    public static Task WriteAsync(IServiceProvider services, params AlertEvent[] events) =>
        new AlertEventLog(services.GetRequiredService<IEventLog>()).AppendAsync(events, CancellationToken.None);
}
