using System.Globalization;
using KpiMonitor.Shared.Text;
using KpiMonitor.Collector.Hosting;
using KpiMonitor.Collector.Spool;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Collector.Polling;

/// <summary>
/// <c>--once</c>: polls every enabled source once (concurrently, so a slow one holds up no other), empties the
/// spool into the store, prints a per-source summary and returns 0 only if every source and the store succeeded.
/// </summary>
public sealed class RunOnceCommand(SourceRegistry sources, SourcePoller poller, SpoolDrainer drainer, IOptions<CollectorOptions> options)
{
    private static readonly CultureInfo Vi = Cultures.Vietnamese;

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.Value.MaxConcurrentSources);
        var summaries = await Task.WhenAll(sources.Enabled.Select(async source =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await poller.PollAsync(source.Code, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var drained = await drainer.DrainAsync(cancellationToken);

        await output.WriteLineAsync(string.Format(Vi, "{0,-24} {1,-10} {2,12} {3,10} {4,8}", "Nguồn", "Kết quả", "Điểm", "Thời gian", "Bị loại"));
        foreach (var s in summaries)
        {
            await output.WriteLineAsync(string.Format(Vi, "{0,-24} {1,-10} {2,12:N0} {3,9:N1}s {4,8:N0}",
                s.Source, s.Succeeded ? "thành công" : "LỖI", s.Points, s.Duration.TotalSeconds, s.RejectedRecords));
            if (s.Error is not null)
            {
                await output.WriteLineAsync("    lỗi: " + s.Error);
            }

            foreach (string problem in s.Problems.Take(5))
            {
                await output.WriteLineAsync("    bị loại: " + problem);
            }
        }

        await output.WriteLineAsync(string.Format(Vi, "Kho dữ liệu: đã ghi {0:N0} điểm, {1:N0} điểm vào tệp lỗi, còn {2:N0} điểm trong hàng đợi.",
            drained.Written, drained.DeadLettered, drained.Remaining));
        if (drained.Error is not null)
        {
            await output.WriteLineAsync("    lỗi kho: " + drained.Error);
        }

        return summaries.All(s => s.Succeeded) && drained.Emptied ? 0 : 1;
    }
}
