namespace KpiMonitor.Alerts;

/// <summary>How urgent an alert is; only <see cref="Critical"/> passes quiet hours by default.</summary>
public enum AlertSeverity
{
    /// <summary>Needs attention during working hours (a target at risk, a figure late).</summary>
    Warning,

    /// <summary>Needs attention now (a target missed, a source down); escalates when nobody acknowledges it.</summary>
    Critical,
}
