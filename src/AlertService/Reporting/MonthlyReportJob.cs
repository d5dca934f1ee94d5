using System.Globalization;
using Quartz;

namespace KpiMonitor.AlertService.Reporting;

/// <summary>
/// The Quartz adapter of <see cref="MonthlyReportRun"/>: the month is the one before the scheduled time, or before the
/// missed time a catch-up names (<see cref="MissedTimeKey"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(MonthlyReportRun run) : IJob
{
    public const string MissedTimeKey = "missed";

    public Task Execute(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var firedAt = context.MergedJobDataMap.GetString(MissedTimeKey) is { } missed
            ? DateTimeOffset.Parse(missed, CultureInfo.InvariantCulture)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        return run.RunAsync(firedAt, context.CancellationToken);
    }
}
