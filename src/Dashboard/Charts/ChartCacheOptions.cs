using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Charts;

/// <summary>Settings of <see cref="ChartCache"/> (section <c>Charts:Cache</c>).</summary>
public sealed class ChartCacheOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Charts:Cache";

    /// <summary>Rendered images kept, in megabytes; the least recently used go first. A trend PNG is about 40 KB.</summary>
    [Range(1, 4096)]
    public int MaxMegabytes { get; set; } = 64;
}
