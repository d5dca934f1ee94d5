using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>The self-contained demo: simulated sources and the collector inside the dashboard process.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On by default so a fresh checkout shows everything; production configuration turns it off.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 65535, ErrorMessage = "Demo:SimulatorPort phải trong khoảng 1–65535.")]
    public int SimulatorPort { get; set; } = 5090;

    /// <summary>Months of history generated on first start.</summary>
    [Range(1, 36, ErrorMessage = "Demo:HistoryMonths phải trong khoảng 1–36.")]
    public int HistoryMonths { get; set; } = 24;

    /// <summary>How long the history waits before asking a store that did not answer again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00", ErrorMessage = "Demo:StoreRetryDelay phải trong khoảng 0,1 giây – 1 giờ.")]
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
