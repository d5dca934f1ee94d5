using System.Text.Json;
using System.Threading.Channels;
using KpiMonitor.Reports.Archive;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// The on-demand report runs of every dashboard replica, through the event log <see cref="Log"/> of the store (ADR 016):
/// the replica that makes a report publishes each of its stages (stream = the run's id, sequence = the stage), and
/// the page and the progress route of any replica show them, so the refresh that lands on another replica still shows
/// the run. Reads are kept <see cref="RefreshInterval"/> and cover the last <see cref="Window"/>.
/// </summary>
public sealed class SharedReportRuns(IEventLog events, TimeProvider time) : IDisposable
{
    /// <summary>The event log of report runs.</summary>
    public const string Log = "report-runs";

    /// <summary>Runs requested longer ago than this are not shown.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>A run another replica has not moved on for this long is shown as failed (its replica stopped).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(30);

    /// <summary>How long a read of the log answers the page and the progress route.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private const string EventType = "stage";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<ReportRun> _toPublish = Channel.CreateUnbounded<ReportRun>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot _read = new(long.MinValue / 2, []);

    /// <summary>Queues the run's new state for <see cref="ReportRunPublisher"/>; never waits.</summary>
    public void Publish(ReportRun run) => _toPublish.Writer.TryWrite(run);

    internal ChannelReader<ReportRun> ToPublish => _toPublish.Reader;

    /// <summary>Writes one state of a run to the store.</summary>
    internal Task WriteAsync(ReportRun run, CancellationToken cancellationToken) =>
        events.AppendAsync([new StoredEvent(Log, run.Id.ToString("N"), (int)run.Stage + 1, time.GetUtcNow(), EventType, JsonSerializer.Serialize(run, Json))],
            cancellationToken);

    /// <summary>Every replica's runs of the last day, each in its latest stage; while the store does not answer, those read before.</summary>
    public async Task<IReadOnlyList<ReportRun>> RecentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var read = Volatile.Read(ref _read);
        if (now.UtcTicks - read.Ticks < RefreshInterval.Ticks)
        {
            return read.Runs;
        }

        // A read under way is not queued behind: what was read last is shown meanwhile.
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return read.Runs;
        }

        try
        {
            if (now.UtcTicks - _read.Ticks < RefreshInterval.Ticks)
            {
                return _read.Runs;
            }

            var latest = new Dictionary<string, (StoredEvent Event, ReportRun Run)>(StringComparer.Ordinal);
            try
            {
                foreach (var e in await events.ReadAsync(Log, now - Window, cancellationToken))
                {
                    if (e.Type == EventType && Parse(e.Payload) is { } run
                        && (!latest.TryGetValue(e.Stream, out var had) || had.Event.Sequence < e.Sequence))
                    {
                        latest[e.Stream] = (e, run);
                    }
                }
            }
            catch (TimeSeriesStoreException)
            {
                // The runs read before stand (the queue adds this replica's own), and the store is asked again after a
                // full interval, not by every page and progress poll; its outage is reported where figures are read.
                Volatile.Write(ref _read, new Snapshot(now.UtcTicks, read.Runs));
                return read.Runs;
            }

            var runs = latest.Values.Select(v => v.Run.Active && now - v.Event.Time > Abandoned
                    ? v.Run with { Stage = ReportStage.Failed, Error = "Máy chủ lập báo cáo này đã dừng giữa chừng; hãy tạo lại báo cáo." }
                    : v.Run)
                .ToList();
            Volatile.Write(ref _read, new Snapshot(now.UtcTicks, runs));
            return runs;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A run as stored; an event no replica of this version could have written is passed over, not the others with it.</summary>
    private static ReportRun? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ReportRun>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(long Ticks, IReadOnlyList<ReportRun> Runs);
}
