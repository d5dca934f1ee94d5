namespace KpiMonitor.Alerts.Lifecycle;

/// <summary>What surrounds one evaluation of one instance: the time, whether a silence covers it, the quiet hours.</summary>
/// <param name="Now">Evaluation time, from the injected <see cref="TimeProvider"/>.</param>
/// <param name="Silenced">Whether an active silence matches the instance: transitions are kept, nobody is told.</param>
/// <param name="QuietHours">The quiet-hours window, or null for none.</param>
public sealed record AlertContext(DateTimeOffset Now, bool Silenced = false, QuietHours? QuietHours = null)
{
    /// <summary>Whether a notification of this severity may be sent now.</summary>
    public bool Allows(AlertSeverity severity) => !Silenced && (QuietHours is null || QuietHours.Allows(Now, severity));
}
