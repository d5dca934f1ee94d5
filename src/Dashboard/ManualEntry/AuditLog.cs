using System.Text.Encodings.Web;
using System.Text.Json;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.ManualEntry;

/// <summary>
/// The audit trail of manual figures: events of the log <see cref="Log"/> in the shared store (<see cref="IEventLog"/>),
/// so every dashboard replica records to and reads the same trail (ADR 016), kept apart from the figures so a rewrite
/// of a figure never erases who changed it. Each process appends under a stream of its own, numbered 1, 2, 3…
/// </summary>
public sealed class AuditLog(IEventLog events, IOptions<ManualEntryOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>The event log holding the trail.</summary>
    public const string Log = "manual-audit";

    /// <summary>The type of every entry's event.</summary>
    public const string EventType = "manual-change";

    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _stream = "dashboard-" + Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(string Stream, long Sequence), (StoredEvent Event, AuditEntry Entry)> _known = [];
    private long _sequence;
    private DateTimeOffset? _newest;
    private const long NeverRead = long.MinValue / 2; // far in the past
    private long _lastReadTicks = NeverRead; // UTC ticks of the last read
    private IReadOnlyList<AuditEntry> _ordered = [];

    /// <summary>Stores the entries in the shared log; this process sees them at once, other replicas at their next read.</summary>
    public async Task AppendAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = entries.Select(e => ToEvent(e, _stream, Interlocked.Increment(ref _sequence), now)).ToList();
        await events.AppendAsync(stored, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Merge(stored);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        (await EntriesAsync(cancellationToken)).Reverse().Take(count).ToList();

    /// <summary>The last manual change of each figure (unit and period's first day) of one KPI.</summary>
    public async Task<IReadOnlyDictionary<(string Unit, DateOnly Period), AuditEntry>> LastChangesAsync(string kpi, CancellationToken cancellationToken)
    {
        var last = new Dictionary<(string Unit, DateOnly Period), AuditEntry>();
        foreach (var entry in await EntriesAsync(cancellationToken))
        {
            if (entry.Kpi == kpi)
            {
                last[(entry.Unit, entry.Period)] = entry;
            }
        }

        return last;
    }

    /// <summary>Makes the next read go to the store (after entries were imported from the old file).</summary>
    public void Refresh() => Volatile.Write(ref _lastReadTicks, long.MinValue / 2);

    /// <summary>The event that stores <paramref name="entry"/>.</summary>
    internal static StoredEvent ToEvent(AuditEntry entry, string stream, long sequence, DateTimeOffset storedAt) =>
        new(Log, stream, sequence, storedAt, EventType, JsonSerializer.Serialize(entry, Json));

    /// <summary>The entry an event of the log holds, or null when it is not one.</summary>
    internal static AuditEntry? FromEvent(StoredEvent e)
    {
        if (e.Type != EventType)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(e.Payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every entry, oldest first. Within <see cref="ManualEntryOptions.AuditRefreshInterval"/> of the last read the list
    /// in memory answers (a page that asks three times reads once); after it, one read of the entries stored since the
    /// newest seen (less the overlap) brings what other replicas saved.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (time.GetUtcNow().UtcTicks - Volatile.Read(ref _lastReadTicks) < settings.AuditRefreshInterval.Ticks)
        {
            return Volatile.Read(ref _ordered);
        }

        // A read under way is not queued behind (a slow store would hold every page for its timeout): what was read is
        // shown. Only a first read, with nothing to show yet, is waited for.
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            if (Volatile.Read(ref _lastReadTicks) != NeverRead)
            {
                return Volatile.Read(ref _ordered);
            }

            await _gate.WaitAsync(cancellationToken);
        }

        try
        {
            var now = time.GetUtcNow();
            if (now.UtcTicks - _lastReadTicks < settings.AuditRefreshInterval.Ticks)
            {
                return _ordered;
            }

            Merge(await events.ReadAsync(Log, _newest - settings.AuditOverlap, cancellationToken));
            Volatile.Write(ref _lastReadTicks, now.UtcTicks);
            return _ordered;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Called under the gate.
    private void Merge(IReadOnlyList<StoredEvent> read)
    {
        bool changed = false;
        foreach (var e in read)
        {
            if (FromEvent(e) is not { } entry)
            {
                continue;
            }

            _newest = _newest is { } newest && newest >= e.Time ? newest : e.Time;
            if (!_known.TryGetValue((e.Stream, e.Sequence), out var had) || had.Event.Time < e.Time)
            {
                _known[(e.Stream, e.Sequence)] = (e, entry);
                changed = true;
            }
        }

        if (changed)
        {
            Volatile.Write(ref _ordered, _known.Values
                .OrderBy(k => k.Entry.At).ThenBy(k => k.Event.Time).ThenBy(k => k.Event.Stream, StringComparer.Ordinal).ThenBy(k => k.Event.Sequence)
                .Select(k => k.Entry).ToList());
        }
    }

    public void Dispose() => _gate.Dispose();
}
