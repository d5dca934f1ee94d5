using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Alerts.Hosting;

/// <summary>When the alerting service evaluates (section <c>Alerts</c>), validated at start.</summary>
public sealed class AlertingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>The service's own schedule: an evaluation at least this often, data changed or not (stale data, source down).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00",
        ErrorMessage = "Alerts:EvaluationInterval phải từ 00:00:10 đến 1.00:00:00 (mặc định 00:05:00).")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the store's KPI change versions are read: a change starts an evaluation before the interval.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00",
        ErrorMessage = "Alerts:ChangePollInterval phải từ 00:00:01 đến 00:10:00 (mặc định 00:00:30).")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
