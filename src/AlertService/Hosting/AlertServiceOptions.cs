using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.AlertService.Hosting;

/// <summary>The process's own settings (section <c>AlertService</c>), validated at start.</summary>
public sealed class AlertServiceOptions
{
    public const string Section = "AlertService";

    /// <summary>
    /// The health file, rewritten after every poll: <c>healthy</c> or <c>unhealthy</c> on the first line, then the
    /// details. A container's health check reads the first line and the file's age (no HTTP port to open).
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AlertService:HealthFile phải có giá trị (mặc định data/alerts/health.txt).")]
    public string HealthFile { get; init; } = "data/alerts/health.txt";
}
