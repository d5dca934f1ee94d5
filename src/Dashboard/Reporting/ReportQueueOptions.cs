using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>The on-demand report queue (section <c>ReportQueue</c>), validated at start.</summary>
public sealed class ReportQueueOptions
{
    public const string Section = "ReportQueue";

    /// <summary>Reports waiting at most; a request beyond it is refused rather than held.</summary>
    [Range(1, 1000)]
    public int Capacity { get; init; } = 20;

    /// <summary>Finished runs the page keeps showing (the newest).</summary>
    [Range(1, 1000)]
    public int KeptFinished { get; init; } = 50;
}
