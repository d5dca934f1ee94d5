using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Collector.Hosting;

/// <summary>Settings of the collector itself (sources are in config/sources.json).</summary>
public sealed class CollectorOptions
{
    public const string Section = "Collector";

    /// <summary>Where the spool, dead letters and run state live; must survive restarts.</summary>
    [Required(ErrorMessage = "Collector:StateDirectory phải có thư mục lưu hàng đợi và trạng thái.")]
    public string StateDirectory { get; set; } = "data/collector";

    /// <summary>Most observations kept in the spool while the store is unreachable; beyond it polls fail loudly.</summary>
    [Range(1_000, 100_000_000, ErrorMessage = "Collector:MaxSpoolPoints phải trong khoảng 1.000–100.000.000.")]
    public int MaxSpoolPoints { get; set; } = 5_000_000;

    /// <summary>Largest response body accepted from a source.</summary>
    [Range(1, 1024, ErrorMessage = "Collector:MaxResponseMegabytes phải trong khoảng 1–1024.")]
    public int MaxResponseMegabytes { get; set; } = 32;

    /// <summary>Retries of one source request after a network error, timeout, 408, 429 or 5xx.</summary>
    [Range(0, 10, ErrorMessage = "Collector:HttpRetries phải trong khoảng 0–10.")]
    public int HttpRetries { get; set; } = 2;

    /// <summary>First delay between retries of a source request; doubles with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Collector:HttpRetryDelay phải trong khoảng 0–5 phút.")]
    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a source's circuit stays open after repeated failures.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00", ErrorMessage = "Collector:CircuitBreakDuration phải trong khoảng 0,5 giây – 1 giờ.")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts to empty the spool while the store is down.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00", ErrorMessage = "Collector:MaxDrainDelay phải trong khoảng 0,1 giây – 30 phút.")]
    public TimeSpan MaxDrainDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sources polled at the same time, so one slow source never holds back the others.</summary>
    [Range(1, 64, ErrorMessage = "Collector:MaxConcurrentSources phải trong khoảng 1–64.")]
    public int MaxConcurrentSources { get; set; } = 8;
}
