using KpiMonitor.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Spool;

/// <summary>
/// Keeps the spool empty: drains whenever a poll adds to it, and while the store is down retries with a
/// growing delay (up to <see cref="CollectorOptions.MaxDrainDelay"/>). What is on disk at start, left by a
/// crash or an outage, is replayed first.
/// </summary>
public sealed class SpoolDrainService(SpoolDrainer drainer, ObservationSpool spool, DrainSignal signal, IOptions<CollectorOptions> options,
    TimeProvider time, ILogger<SpoolDrainService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (spool.PendingPoints > 0)
        {
            logger.LogInformation("Hàng đợi còn {Points} điểm từ lần chạy trước; đang ghi lại vào kho", spool.PendingPoints);
        }

        var delay = FirstDelay;
        string? lastError = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await drainer.DrainAsync(stoppingToken);
                if (result.Error is null)
                {
                    if (lastError is not null)
                    {
                        logger.LogInformation("Kho dữ liệu đã nhận lại dữ liệu; hàng đợi trống");
                    }

                    lastError = null;
                    delay = FirstDelay;
                    await signal.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
                    continue;
                }

                if (result.Error != lastError)
                {
                    logger.LogError("Chưa ghi được hàng đợi vào kho, sẽ thử lại: {Error}", result.Error);
                }

                lastError = result.Error;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "Lỗi đọc/ghi thư mục hàng đợi {Directory}; thử lại sau", spool.Directory);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxDrainDelay.Ticks));
        }
    }
}
