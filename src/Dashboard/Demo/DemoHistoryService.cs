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
/// come from <see cref="DemoFigures"/>.
/// </summary>
public sealed class DemoHistoryService(
    IOptions<DemoOptions> options, SourceRegistry sources, SourcePoller poller, ITimeSeriesStore store, DemoSimulatorService simulator,
    Catalog catalog, TimeProvider time, ILogger<DemoHistoryService> logger) : BackgroundService
{
    private static readonly SourceKind[] WithHistory = [SourceKind.EOffice, SourceKind.OneStopStatistics, SourceKind.OneStopDossiers, SourceKind.Portal766, SourceKind.HttpJson];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int months = options.Value.HistoryMonths;
        var now = time.GetUtcNow();
        if ((await store.GetLatestAsync("e_document_rate", now.AddMonths(-3), null, stoppingToken)).Count > 0)
        {
            logger.LogInformation("Kho dữ liệu đã có lịch sử; không tạo lại dữ liệu mẫu");
            return;
        }

        logger.LogInformation("Đang tạo {Months} tháng lịch sử mẫu cho bản trình diễn…", months);
        foreach (var source in sources.Enabled.Where(s => WithHistory.Contains(s.Kind)))
        {
            var summary = await poller.PollAsync(source with { Months = months }, stoppingToken);
            logger.LogInformation("Lịch sử mẫu: nguồn {Source} — {Points} điểm{Error}", source.Code, summary.Points, summary.Error is null ? "" : ", lỗi: " + summary.Error);
        }

        var figures = new DemoFigures(catalog, simulator.Host.State).History(now, months);
        var result = await store.WriteAsync(figures, stoppingToken);
        logger.LogInformation("Lịch sử mẫu: {Written} số liệu phòng chống mã độc và nhập tay; xong", result.Written);
    }
}
