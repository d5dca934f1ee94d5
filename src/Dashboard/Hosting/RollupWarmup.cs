using System.Diagnostics;
using KpiMonitor.Dashboard.Overview;
using KpiMonitor.Dashboard.Rollups;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Hosting;

/// <summary>
/// Reads the province overview once at start and then every <see cref="Interval"/>, so the first visitor of the
/// morning does not wait for 26 KPIs to be read and figures the collector wrote are read again before anyone asks.
/// A failure (store down) is logged once per outage, and the store is asked once a round until it answers again; pages
/// then say what is wrong themselves. The first reading holds the periods the overview's tiles compare; its progress is
/// kept in <see cref="WarmupState"/>, which holds pages until it ends. The months of the sparklines and the KPI pages'
/// charts are read after that (<see cref="RollupCache.WidenAsync"/>).
/// </summary>
public sealed class RollupWarmup(
    OverviewService overview, RollupCache cache, ITimeSeriesStore store, Catalog catalog, WarmupState state, IOptions<RollupCacheOptions> options, TimeProvider time,
    ILogger<RollupWarmup> logger)
    : BackgroundService
{
    /// <summary>Time between two readings of the overview.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>How long after the first reading the older months are read.</summary>
    public static readonly TimeSpan WidenAfter = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            // Without a cache every page reads the store itself: there is nothing to wait for.
            state.Complete();
            return;
        }

        state.Begin(catalog.Kpis.All.Count);
        if (await cache.RestoreAsync(stoppingToken) is > 0 and var restored)
        {
            logger.LogInformation("Đã lấy lại {Count} bản tổng hợp từ thư mục {Folder}; chỉ tiêu đã đổi được đọc lại từ kho", restored, options.Value.SnapshotFolder);
        }

        bool failing = false, first = true;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var clock = Stopwatch.StartNew();
            var today = VietnamTime.DateOf(time.GetUtcNow());
            try
            {
                if (failing)
                {
                    // One question to a store that did not answer, not 26 reads each retried and logged.
                    await store.PingAsync(stoppingToken);
                }

                if (catalog.Units.TopOn(today) is { } top)
                {
                    var month = PeriodBucket.Floor(today, PeriodGranularity.Month);
                    await Task.WhenAll(catalog.Kpis.All.Select(async kpi =>
                    {
                        await overview.TileAsync(kpi, top, month, stoppingToken);
                        state.KpiRead();
                    }));
                }

                if (first || failing)
                {
                    logger.LogInformation("Đã nạp sẵn số liệu tổng hợp của {Count} chỉ tiêu trong {Seconds:0.0} giây", catalog.Kpis.All.Count, clock.Elapsed.TotalSeconds);
                }

                // Pages open now; the older months, for sparklines and the KPI pages' charts, are read after. At start the
                // sparklines a browser asks for next read their year first; the widening then reads only the year before.
                state.Complete();
                if (first)
                {
                    await Task.Delay(WidenAfter, time, stoppingToken);
                }

                if (await cache.WidenAsync(stoppingToken) is > 0 and var widened && (first || failing))
                {
                    logger.LogInformation("Đã đọc thêm các tháng trước của {Count} chỉ tiêu cho biểu đồ ({Seconds:0.0} giây từ lúc bắt đầu)", widened, clock.Elapsed.TotalSeconds);
                }

                failing = false;
            }
            catch (TimeSeriesStoreException ex)
            {
                if (!failing)
                {
                    logger.LogWarning("Chưa nạp sẵn được số liệu tổng hợp: {Error}; sẽ thử lại sau {Minutes} phút", ex.Message, Interval.TotalMinutes);
                }

                failing = true;
            }
            finally
            {
                first = false;
                state.Complete();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
