using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Reports.Archive;

/// <summary>Where generated reports are kept (<c>Reports:ArchiveFolder</c>), validated at start.</summary>
public sealed class ReportArchiveOptions
{
    /// <summary>The configuration section, shared with the report's content settings.</summary>
    public const string Section = "Reports";

    /// <summary>The archive's root folder; relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Reports:ArchiveFolder phải có giá trị (mặc định data/reports).")]
    public string ArchiveFolder { get; init; } = "data/reports";
}
