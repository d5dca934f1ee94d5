using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Rollups;

/// <summary>Settings of <see cref="RollupCache"/> (section <c>Rollups:Cache</c>).</summary>
public sealed class RollupCacheOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Rollups:Cache";

    /// <summary>Off: every read goes to the store, as without a cache.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the store's change versions are read; zero reads them on every request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Rollups:Cache:CheckInterval phải trong khoảng 0–1 giờ.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When a KPI changed, answer from the old snapshot while a new one is read in the background (the next
    /// request sees the new figures). Off: the request waits for the new snapshot.
    /// </summary>
    public bool ServeStale { get; set; } = true;

    /// <summary>A snapshot older than this is read again even if no change was seen (a lost change mark).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Rollups:Cache:MaxAge phải trong khoảng 1 giây–7 ngày.")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most cells (units × periods) kept; the least recently used snapshots go first. 8,000,000 is about 160 MB.</summary>
    [Range(10_000L, 1_000_000_000L, ErrorMessage = "Rollups:Cache:MaxCells phải trong khoảng 10.000–1.000.000.000.")]
    public long MaxCells { get; set; } = 8_000_000;

    /// <summary>
    /// Months a snapshot covers, ending with the month asked for: the KPI page's default chart (24 months) then comes
    /// from the snapshot the overview read. The first reading holds only the periods an overview tile compares; the older
    /// months are read and joined once the dashboard is open (<see cref="RollupCache.WidenAsync"/>).
    /// </summary>
    [Range(13, 120, ErrorMessage = "Rollups:Cache:WindowMonths phải trong khoảng 13–120 (ít nhất 13 tháng cho ô tổng quan).")]
    public int WindowMonths { get; set; } = 24;

    /// <summary>
    /// A folder where the newest snapshot of each KPI is kept as a file, so a restarted dashboard is ready without
    /// reading every unit's figures again (a file is used only while its KPI's change version is unchanged). Empty: none.
    /// </summary>
    public string SnapshotFolder { get; set; } = "";

    /// <summary>Snapshots read from the store at the same time.</summary>
    [Range(1, 16, ErrorMessage = "Rollups:Cache:MaxParallelLoads phải trong khoảng 1–16.")]
    public int MaxParallelLoads { get; set; } = 2;
}
