using System.Collections.Concurrent;
using System.Threading.Channels;
using KpiMonitor.Reports.Archive;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// The reports asked for on the page, made one at a time by <see cref="ReportQueueWorker"/>: a bounded queue (a full
/// one refuses, it never makes a request wait) and the state of each run for the page and the progress endpoint.
/// A request for a unit and month already waiting or being made (here or, as the store says, on another replica) gets
/// that run instead of a second one. Every state is also published to the store for the other replicas (ADR 016).
/// </summary>
public sealed class ReportQueue
{
    private readonly Channel<Guid> _channel;
    private readonly ConcurrentDictionary<Guid, ReportRun> _runs = new();
    private readonly Lock _gate = new();
    private readonly int _keptFinished;
    private readonly TimeProvider _time;
    private readonly SharedReportRuns _shared;

    public ReportQueue(IOptions<ReportQueueOptions> options, TimeProvider time, SharedReportRuns shared)
    {
        _shared = shared;
        _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(options.Value.Capacity) { SingleReader = true });
        _keptFinished = options.Value.KeptFinished;
        _time = time;
    }

    /// <summary>Queues the report, or gives the run already under way for it; null when the queue is full.</summary>
    public async Task<ReportRun?> TryEnqueueAsync(string unitCode, DateOnly month, string requestedBy, CancellationToken cancellationToken)
    {
        var elsewhere = (await _shared.RecentAsync(cancellationToken)).FirstOrDefault(r => r.Active && r.UnitCode == unitCode && r.Month == month);
        lock (_gate)
        {
            if (_runs.Values.FirstOrDefault(r => r.Active && r.UnitCode == unitCode && r.Month == month) is { } running)
            {
                return running;
            }

            // A run made here is judged by its state here, never by an older state the store still holds.
            if (elsewhere is not null && !_runs.ContainsKey(elsewhere.Id))
            {
                return elsewhere;
            }

            var run = new ReportRun(Guid.NewGuid(), unitCode, month, requestedBy, _time.GetUtcNow(), ReportStage.Queued, null);
            _runs[run.Id] = run;
            if (!_channel.Writer.TryWrite(run.Id))
            {
                _runs.TryRemove(run.Id, out _);
                return null;
            }

            _shared.Publish(run);
            return run;
        }
    }

    /// <summary>The run of <paramref name="id"/> made here, or null when unknown or long finished.</summary>
    public ReportRun? Find(Guid id) => _runs.GetValueOrDefault(id);

    /// <summary>The run of <paramref name="id"/> on any replica, or null when unknown or long finished.</summary>
    public async Task<ReportRun?> FindAnywhereAsync(Guid id, CancellationToken cancellationToken) =>
        Find(id) ?? (await _shared.RecentAsync(cancellationToken)).FirstOrDefault(r => r.Id == id);

    /// <summary>Runs of every replica newest first; this replica's own in their latest state.</summary>
    public async Task<IReadOnlyList<ReportRun>> RecentAsync(CancellationToken cancellationToken)
    {
        var runs = new Dictionary<Guid, ReportRun>(_runs);
        foreach (var run in await _shared.RecentAsync(cancellationToken))
        {
            runs.TryAdd(run.Id, run);
        }

        return [.. runs.Values.OrderByDescending(r => r.RequestedAt).Take(_keptFinished + runs.Values.Count(r => r.Active))];
    }

    internal ChannelReader<Guid> Reader => _channel.Reader;

    internal void Update(Guid id, ReportStage stage, string? error = null)
    {
        lock (_gate)
        {
            if (_runs.TryGetValue(id, out var run))
            {
                _runs[id] = run with { Stage = stage, Error = error };
                _shared.Publish(_runs[id]);
            }

            if (stage is ReportStage.Done or ReportStage.Failed)
            {
                foreach (var old in _runs.Values.Where(r => !r.Active).OrderByDescending(r => r.RequestedAt).Skip(_keptFinished).ToList())
                {
                    _runs.TryRemove(old.Id, out _);
                }
            }
        }
    }
}
