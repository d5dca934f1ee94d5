using KpiMonitor.Alerts.Lifecycle;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>The alerting service's state for a health check and the dashboard's "last evaluation".</summary>
/// <param name="Restored">Whether the book has been rebuilt from the stored events (nothing is evaluated before).</param>
/// <param name="LastEvaluationAt">When the last evaluation completed, if any.</param>
/// <param name="Evaluations">Evaluations completed since start.</param>
/// <param name="LastErrorAt">When the last failure happened, if any.</param>
/// <param name="LastError">What failed (the stage and the error type, never its message: it could hold a secret).</param>
/// <param name="Phases">Instances per phase.</param>
/// <param name="Undelivered">Digests decided and not recorded as sent after the notifier's own attempts, handed over again at every poll (also after a restart: they are rebuilt from the stored events).</param>
public sealed record AlertingStatus(
    bool Restored,
    DateTimeOffset? LastEvaluationAt,
    int Evaluations,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    IReadOnlyDictionary<AlertPhase, int> Phases,
    int Undelivered)
{
    /// <summary>Healthy when the last evaluation came after the last failure and within <paramref name="maxAge"/>.</summary>
    public bool IsHealthy(DateTimeOffset now, TimeSpan maxAge) =>
        LastEvaluationAt is { } at && now - at <= maxAge && (LastErrorAt is null || LastErrorAt < at);
}
