using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Alerts.Reading;

/// <summary>How fresh the dashboard's alert read model is (section <c>Alerts:Reading</c>), validated at start.</summary>
public sealed class AlertReadingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Alerts:Reading";

    /// <summary>
    /// Requests within this time of the last read are answered from memory; the next one reads only the events stored
    /// since. 0 reads on every request (tests).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00",
        ErrorMessage = "Alerts:Reading:RefreshInterval phải từ 00:00:00 đến 00:10:00 (mặc định 00:00:05).")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far before the newest event seen an incremental read starts: the alerting service's and the dashboards'
    /// clocks differ a little, and an action or event stamped slightly earlier must still be found.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00",
        ErrorMessage = "Alerts:Reading:Overlap phải từ 00:00:00 đến 30.00:00:00 (mặc định 00:10:00).")]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);
}
