using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Storage.Sqlite;

/// <summary>Settings of the embedded store, used when no InfluxDB URL is configured.</summary>
public sealed class SqliteOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Storage:Sqlite";

    /// <summary>Database file; its folder is created when missing.</summary>
    [Required(ErrorMessage = "Storage:Sqlite:Path phải có đường dẫn tệp cơ sở dữ liệu.")]
    public string Path { get; set; } = "data/kpimonitor.db";
}
