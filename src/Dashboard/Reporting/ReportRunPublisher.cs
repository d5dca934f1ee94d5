using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// Writes the stages of this replica's report runs to the store (<see cref="SharedReportRuns"/>) off the report's own
/// thread. A state the store does not take is tried again with the next one; only the last state of a run matters.
/// </summary>
public sealed partial class ReportRunPublisher(SharedReportRuns runs, TimeProvider time, ILogger<ReportRunPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in runs.ToPublish.ReadAllAsync(stoppingToken))
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await runs.WriteAsync(run, stoppingToken);
                    break;
                }
                catch (TimeSeriesStoreException e) when (attempt < 3 && !(runs.ToPublish.TryPeek(out var next) && next.Id == run.Id))
                {
                    LogRetry(e.Message);
                    await Task.Delay(RetryDelay, time, stoppingToken);
                }
                catch (TimeSeriesStoreException e)
                {
                    // A newer state of this run is waiting (or three tries failed): other replicas show the run from that one.
                    LogDropped(e.Message, run.UnitCode, run.Month);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không ghi được tiến độ lập báo cáo vào kho dữ liệu ({Reason}); thử lại")]
    private partial void LogRetry(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bỏ qua một bước tiến độ của báo cáo {Unit} tháng {Month}: kho dữ liệu không nhận ({Reason}); bản sao khác của dashboard chỉ thấy bước sau")]
    private partial void LogDropped(string reason, string unit, DateOnly month);
}
