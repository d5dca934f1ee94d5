using KpiMonitor.Alerts.Configuration;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Shared.Storage;
using KpiMonitor.Shared.Text;

namespace KpiMonitor.Alerts.Evaluation;

/// <summary>
/// Source-down rules, from the collector's own health record of the source: breached at the configured number of
/// failures in a row, or when the last success is older than allowed (<see cref="SourceFreshness"/>, never a success
/// counting as too old). A source without any record has not been run yet: nothing to judge.
/// </summary>
internal static class SourceDownJudge
{
    public static AlertCondition Judge(AlertRule rule, AlertKey key, SourceDownSettings settings, SourceHealth? health, DateTimeOffset now, SummaryText text)
    {
        if (health is null)
        {
            return AlertCondition.NoData;
        }

        bool failing = settings.ConsecutiveFailures is { } limit && health.ConsecutiveFailures >= limit;
        bool silent = settings.LastSuccessOlderThan is { } age && SourceFreshness.IsStale(health, age, now);
        if (!failing && !silent)
        {
            return AlertCondition.Ok(health.LastSuccess);
        }

        var severity = rule.Severity ?? AlertSeverity.Critical;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = health.Source,
            ["failures"] = TextFormat.Count(health.ConsecutiveFailures, SummaryText.Vi),
            ["lastSuccess"] = TextFormat.Time(health.LastSuccess),
            ["error"] = string.IsNullOrWhiteSpace(health.LastError) ? "—" : health.LastError,
        };
        return AlertCondition.Breaching(severity, text.Render(rule, key, severity, values), health.ConsecutiveFailures, settings.ConsecutiveFailures, health.LastSuccess);
    }
}
