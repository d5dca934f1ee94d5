using KpiMonitor.Collector.Polling;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Sources;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Demo;

/// <summary>
/// On first start of the demo, fills the store with history so charts show trends at once: the HTTP sources
/// are polled through the real collector with a window of <see cref="DemoOptions.HistoryMonths"/> months;
/// the figures no HTTP source offers history for (the anti-malware console knows only "now", manual figures)
/// come from <see cref="DemoFigures"/>. A store that does not answer (InfluxDB not started yet) is waited for:
/// the dashboard keeps running and says so, and the history is written when the store answers.
/// </summary>
public sealed class DemoHistoryService(
    IOptions<DemoOptions> options, SourceRegistry sources, SourcePoller poller, ITimeSeriesStore store, DemoSimulatorService simulator,
    Catalog catalog, TimeProvider time, ILogger<DemoHistoryService> logger) : BackgroundService
{
    private static readonly SourceKind[] WithHistory = [SourceKind.EOffice, SourceKind.OneStopStatistics, SourceKind.OneStopDossiers, SourceKind.Portal766, SourceKind.HttpJson];

    // Written last (by DemoFigures), so a first start stopped half-way is completed at the next one.
    private const string Marker = "antimalware_coverage";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int months = options.Value.HistoryMonths;
        var now = time.GetUtcNow();
        var existing = await UntilStoreAnswersAsync(ct => store.GetLatestAsync(Marker, now.AddMonths(-3), null, ct), stoppingToken);
        if (existing.Count > 0)
        {
            logger.LogInformation("Kho dữ liệu đã có lịch sử; không tạo lại dữ liệu mẫu");
            return;
        }

        logger.LogInformation("Đang tạo {Months} tháng lịch sử mẫu cho bản trình diễn…", months);
        foreach (var source in sources.Enabled.Where(s => WithHistory.Contains(s.Kind)))
        {
            // The poller spools what it reads, so a store that stops answering now loses none of it.
            var summary = await poller.PollAsync(source with { Months = months }, stoppingToken);
            logger.LogInformation("Lịch sử mẫu: nguồn {Source} — {Points} điểm{Error}", source.Code, summary.Points, summary.Error is null ? "" : ", lỗi: " + summary.Error);
        }

        var figures = new DemoFigures(catalog, simulator.Host.State).History(now, months);
        var result = await UntilStoreAnswersAsync(ct => store.WriteAsync(figures, ct), stoppingToken);
        logger.LogInformation("Lịch sử mẫu: {Written} số liệu phòng chống mã độc và nhập tay; xong", result.Written);
    }

    private async Task<T> UntilStoreAnswersAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken stoppingToken)
    {
        var delay = options.Value.StoreRetryDelay;
        while (true)
        {
            try
            {
                return await call(stoppingToken);
            }
            catch (TimeSeriesStoreException ex)
            {
                logger.LogWarning("Chưa tạo được lịch sử mẫu: kho số liệu không trả lời ({Error}); thử lại sau {Seconds} giây",
                    ex.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, time, stoppingToken);
        }
    }
}
