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

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var firedAt = context.MergedJobDataMap.GetString(MissedTimeKey) is { } missed
            ? DateTimeOffset.Parse(missed, CultureInfo.InvariantCulture)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await run.RunAsync(firedAt, cancellationToken);
    }
}
