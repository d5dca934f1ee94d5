using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>Settings of <see cref="WarmupGate"/> (section <c>Rollups:Warmup</c>).</summary>
public sealed class WarmupOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Rollups:Warmup";

    /// <summary>
    /// How long a request for figures waits for the first reading to end before the person is shown its progress
    /// (a page that reloads itself) or, for the API, charts and exports, a 503 with Retry-After.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(3);
}
