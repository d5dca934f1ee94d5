using System.Collections.Concurrent;
using System.Threading.Channels;
using KpiMonitor.Reports.Archive;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Reporting;

/// <summary>
/// The reports asked for on the page, made one at a time by <see cref="ReportQueueWorker"/>: a bounded queue (a full
/// one refuses, it never makes a request wait) and the state of each run for the page and the progress endpoint.
/// A request for a unit and month already waiting or being made gets that run instead of a second one.
/// </summary>
public sealed class ReportQueue
{
    private readonly Channel<Guid> _channel;
    private readonly ConcurrentDictionary<Guid, ReportRun> _runs = new();
    private readonly Lock _gate = new();
    private readonly int _keptFinished;
    private readonly TimeProvider _time;

    public ReportQueue(IOptions<ReportQueueOptions> options, TimeProvider time)
    {
        _channel = Channel.CreateBounded<Guid>(new BoundedChannelOptions(options.Value.Capacity) { SingleReader = true });
        _keptFinished = options.Value.KeptFinished;
        _time = time;
    }

    /// <summary>Queues the report, or gives the run already under way for it; null when the queue is full.</summary>
    public ReportRun? TryEnqueue(string unitCode, DateOnly month, string requestedBy)
    {
        lock (_gate)
        {
            if (_runs.Values.FirstOrDefault(r => r.Active && r.UnitCode == unitCode && r.Month == month) is { } running)
            {
                return running;
            }

            var run = new ReportRun(Guid.NewGuid(), unitCode, month, requestedBy, _time.GetUtcNow(), ReportStage.Queued, null);
            _runs[run.Id] = run;
            if (!_channel.Writer.TryWrite(run.Id))
            {
                _runs.TryRemove(run.Id, out _);
                return null;
            }

            return run;
        }
    }

    /// <summary>The run of <paramref name="id"/>, or null when unknown or long finished.</summary>
    public ReportRun? Find(Guid id) => _runs.GetValueOrDefault(id);

    /// <summary>Runs newest first.</summary>
    public IReadOnlyList<ReportRun> Recent() => [.. _runs.Values.OrderByDescending(r => r.RequestedAt)];

    internal ChannelReader<Guid> Reader => _channel.Reader;

    internal void Update(Guid id, ReportStage stage, string? error = null)
    {
        lock (_gate)
        {
            if (_runs.TryGetValue(id, out var run))
            {
                _runs[id] = run with { Stage = stage, Error = error };
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
