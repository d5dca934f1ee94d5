using System.Collections.Immutable;
using KpiMonitor.Alerts.History;
using KpiMonitor.Alerts.Hosting;
using KpiMonitor.Alerts.Lifecycle;
using KpiMonitor.Alerts.Lifecycle.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Alerts.Reading;

/// <summary>
/// The dashboard's read model of alerts (ADR 011: replicas only read, never evaluate). The first read folds the whole
/// <c>alerts</c> log as the service's restore does (<see cref="AlertState.Apply"/>); later reads, at most once per
/// <see cref="AlertReadingOptions.RefreshInterval"/>, fetch only the events stored since the newest one seen (with an
/// overlap for writers' clocks) and fold them on, so 130,000 instances are not read again for every page.
/// </summary>
public sealed class AlertReader(AlertEventLog events, AlertActions actions, TimeProvider time, IOptions<AlertReadingOptions> options, ILogger<AlertReader> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<AlertKey, AlertState> _states = [];
    private readonly Dictionary<string, AlertAction> _actions = new(StringComparer.Ordinal);
    private ImmutableList<AlertHistoryEntry> _history = [];
    private DateTimeOffset? _newestEvent;
    private DateTimeOffset? _newestAction;
    private AlertOverview? _current;

    /// <summary>The overview, read again from the store when the last read is older than the refresh interval.</summary>
    /// <exception cref="KpiMonitor.Shared.Storage.TimeSeriesStoreException">The store did not answer.</exception>
    public async Task<AlertOverview> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } fresh)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } other)
            {
                return other;
            }

            await ReadAsync(cancellationToken);
            _current = Build();
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// As <see cref="GetAsync"/>, but a store that does not answer gives the last overview read (null before any), for
    /// the header's badge, which must not take a page down with it.
    /// </summary>
    public async Task<AlertOverview?> TryGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (KpiMonitor.Shared.Storage.TimeSeriesStoreException ex)
        {
            logger.LogWarning("Không đọc được cảnh báo từ kho số liệu ({Error}); hiển thị lần đọc trước", ex.Message);
            return _current;
        }
    }

    /// <summary>The next request reads the store again: an operator's action written here shows on the page it returns to.</summary>
    public void Invalidate() => _current = null;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private AlertOverview? Fresh(AlertOverview? overview) =>
        overview is not null && time.GetUtcNow() - overview.ReadAt < options.Value.RefreshInterval ? overview : null;

    // Events are stamped by the service's clock, actions by the dashboards'; anything stamped a little before the
    // newest one seen is still found (the overlap), and what was applied already is recognised by its sequence or id.
    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var read = await events.ReadAsync(_newestEvent - options.Value.Overlap, cancellationToken);
        if (!Fold(read))
        {
            // A gap in an instance's sequence (an event stored late with an old time): start over from the whole log.
            _states.Clear();
            _history = [];
            _newestEvent = null;
            Fold(await events.ReadAsync(since: null, cancellationToken));
        }

        foreach (var action in await actions.ReadAsync(_newestAction - options.Value.Overlap, cancellationToken))
        {
            _actions.TryAdd(action.Id, action);
            _newestAction = _newestAction is { } newest && newest > action.At ? newest : action.At;
        }

        var now = time.GetUtcNow();
        foreach (var expired in _actions.Values.OfType<SilenceAction>().Where(s => s.Until <= now).ToList())
        {
            _actions.Remove(expired.Id);
        }
    }

    private bool Fold(IReadOnlyList<AlertEvent> read)
    {
        var entries = new List<AlertHistoryEntry>();
        foreach (var e in read.OrderBy(e => e.Sequence))
        {
            var state = _states.GetValueOrDefault(e.Key) ?? AlertState.Initial(e.Key);
            if (e.Sequence <= state.Sequence)
            {
                continue;
            }

            if (e.Sequence != state.Sequence + 1)
            {
                return false;
            }

            var next = state.Apply(e);
            _states[e.Key] = next;
            if (Entry(e, state, next) is { } entry)
            {
                entries.Add(entry);
            }

            _newestEvent = _newestEvent is { } newest && newest > e.At ? newest : e.At;
        }

        _history = _history.AddRange(entries.OrderBy(e => e.At));
        return true;
    }

    private static AlertHistoryEntry? Entry(AlertEvent e, AlertState before, AlertState after) => e switch
    {
        AlertPending p => new(e.At, e.Key, AlertHistoryKind.Pending, p.Snapshot.Severity, p.Snapshot.Summary),
        AlertPendingCancelled => new(e.At, e.Key, AlertHistoryKind.PendingCancelled, before.Snapshot?.Severity, before.Snapshot?.Summary ?? ""),
        AlertFired f => new(e.At, e.Key, AlertHistoryKind.Fired, f.Snapshot.Severity, f.Snapshot.Summary),
        AlertSeverityChanged s => new(e.At, e.Key, AlertHistoryKind.SeverityChanged, s.Snapshot.Severity, s.Snapshot.Summary),
        AlertResolved => new(e.At, e.Key, AlertHistoryKind.Resolved, before.Snapshot?.Severity, before.Snapshot?.Summary ?? ""),
        AlertAcknowledged a => new(e.At, e.Key, AlertHistoryKind.Acknowledged, after.Snapshot?.Severity, after.Snapshot?.Summary ?? "", a.By, a.Note),
        _ => null,
    };

    private AlertOverview Build()
    {
        var now = time.GetUtcNow();
        var silences = _actions.Values.OfType<SilenceAction>().Where(s => s.Until > now).Select(s => s.ToSilence()).OrderBy(s => s.Until).ToList();

        // The newest acknowledgement written for each instance; one made before the alert last fired belongs to an earlier episode.
        var requested = _actions.Values.OfType<AcknowledgeAction>()
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.At)!);
        var open = _states.Values
            .Where(s => s.Phase is AlertPhase.Pending or AlertPhase.Firing)
            .Select(s => new AlertView(s, silences.Exists(x => x.Matches(s.Key, now)),
                s.Phase == AlertPhase.Firing && s.Acknowledged is null && requested.TryGetValue(s.Key, out var ack) && ack.At >= s.FiredAt
                    ? new Acknowledgement(ack.By, ack.Note, ack.At) : null))
            .OrderByDescending(a => a.Phase)
            .ThenByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.Key.Id, StringComparer.Ordinal)
            .ToList();
        return new AlertOverview(now, _newestEvent, open, silences, _history);
    }
}
