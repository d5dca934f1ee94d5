using KpiMonitor.Reports.Archive;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// Makes the queued reports one after the other, off the request threads, and records each stage in the queue. A
/// report that fails, for whatever reason, is marked failed with its reason and logged once here; the next one is made
/// all the same.
/// </summary>
public sealed partial class ReportQueueWorker(ReportQueue queue, ReportProducer producer, ILogger<ReportQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (queue.Find(id) is not { } run)
            {
                continue;
            }

            try
            {
                // Content, charts and files are CPU work: on a pool thread of their own, the request threads stay free.
                await Task.Run(() => producer.ProduceAsync(run.UnitCode, run.Month, new StageProgress(queue, id), stoppingToken), stoppingToken);
                Count(succeeded: true);
                LogMade(run.UnitCode, run.Month, run.RequestedBy);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                queue.Update(id, ReportStage.Failed, "Dịch vụ đang dừng; hãy tạo lại báo cáo.");
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Handled: the run is marked failed with its reason and the next one is made. Letting any failure of
                // one report escape would stop the whole dashboard (a background service's exception ends the host).
                Count(succeeded: false);
                LogFailed(e, run.UnitCode, run.Month);
                queue.Update(id, ReportStage.Failed, Reason(e));
            }
        }
    }

    private static void Count(bool succeeded) =>
        KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.ReportJobs.Add(1, new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.TriggerTag, "request"),
            new KeyValuePair<string, object?>(KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.OutcomeTag, KpiMonitor.Shared.Telemetry.KpiMonitorTelemetry.Outcome(succeeded)));

    private static string Reason(Exception e) => e switch
    {
        KpiMonitor.Shared.Storage.TimeSeriesStoreException => "Kho dữ liệu không trả lời; hãy thử lại sau ít phút.",
        // The exception's own text is English and may name server paths: it goes to the log, the page says where to look.
        IOException or UnauthorizedAccessException =>
            "Không ghi được tệp vào thư mục lưu trữ báo cáo (Reports:ArchiveFolder): kiểm tra quyền ghi và dung lượng đĩa; chi tiết ở nhật ký máy chủ.",
        _ => "Không lập được báo cáo do một lỗi bất ngờ (" + e.GetType().Name + "); chi tiết ở nhật ký máy chủ.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã lập báo cáo {Unit} tháng {Month} theo yêu cầu của {User}")]
    private partial void LogMade(string unit, DateOnly month, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Không lập được báo cáo {Unit} tháng {Month}")]
    private partial void LogFailed(Exception e, string unit, DateOnly month);

    // Reports synchronously into the queue: a Progress<T> would post to the pool and could tell "done" before "writing XLSX".
    private sealed class StageProgress(ReportQueue queue, Guid id) : IProgress<ReportStage>
    {
        public void Report(ReportStage value) => queue.Update(id, value);
    }
}
