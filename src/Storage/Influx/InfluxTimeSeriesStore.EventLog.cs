using System.Text;
using KpiMonitor.Shared.Storage;
using static KpiMonitor.Storage.Influx.InfluxQl;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Event logs as measurement <c>stored_event</c>: tags <c>log</c> and <c>stream</c>, fields <c>sequence</c>,
/// <c>type</c> and <c>payload</c>, and as timestamp the event's time in whole milliseconds with the sequence
/// (modulo 10^6) in the nanoseconds below them. A point is identified by measurement, tags and timestamp, so
/// re-appending an event lands on the same point and overwrites it instead of adding one; the same stream never
/// has two events a million sequence numbers apart in one millisecond, so distinct events never share a point.
/// The sequence is not a tag because each event would then be a series of its own (one alert instance is one
/// series here), and the time stays the event's, so retention policies and <c>since</c> work on real times.
/// An event re-created under its key with another time is a second point; reads keep the later one, as the
/// SQLite store does. Sent-marks are measurement <c>event_sent</c> (tag <c>outbox</c>, field <c>id</c>).
/// </summary>
public sealed partial class InfluxTimeSeriesStore
{
    private const long NanosecondsPerMillisecond = 1_000_000;

    /// <summary>The last sent-mark timestamp this instance wrote (see <see cref="NextSentMarkTime"/>).</summary>
    private static long _lastSentMarkTime;

    /// <summary>
    /// A request carries at most this many bytes of events (the server takes 25 MB on 1.x, 10 MiB on 3.x);
    /// each request is idempotent on its own, so a failure part-way leaves nothing a retry cannot repair.
    /// </summary>
    private const int MaxEventBytesPerRequest = 4 * 1024 * 1024;

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfInvalid(events);
        int start = 0;
        while (start < events.Count)
        {
            int end = start, bytes = 0;
            do
            {
                // Worst case of the stored form: every character escaped (line protocol) or percent-encoded.
                bytes += 3 * (Encoding.UTF8.GetByteCount(events[end].Payload) + events[end].Stream.Length + events[end].Log.Length + events[end].Type.Length) + 128;
                end++;
            }
            while (end < events.Count && end - start < _batchSize && bytes < MaxEventBytesPerRequest);

            int from = start;
            var (dropped, message) = await _writer.WriteLinesAsync(lines =>
            {
                for (int i = from; i < end; i++)
                {
                    WriteEvent(lines, events[i]);
                }
            }, nanoseconds: true, cancellationToken);
            if (dropped > 0)
            {
                throw new TimeSeriesStoreException(
                    $"InfluxDB tại {Url} không ghi {dropped}/{end - from} sự kiện: {message}", isTransient: false, statusCode: 400);
            }

            start = end;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(log, "log", nameof(log));
        var query = new StringBuilder(
            $"SELECT \"{InfluxSchema.Stream}\",\"{InfluxSchema.Sequence}\",\"{InfluxSchema.Type}\",\"{InfluxSchema.Payload}\" FROM {_events} WHERE \"{InfluxSchema.Log}\" = ")
            .Append(Literal(log));
        if (since is { } from)
        {
            query.Append(" AND time >= ").Append(Time(from));
        }

        var results = await QueryAsync(query.ToString(), cancellationToken);
        if (results.Exists(r => r.Partial || r.Series.Any(s => s.Partial)))
        {
            // A history cut short would rebuild a wrong state; better to stop than to restore half of it.
            throw new TimeSeriesStoreException($"InfluxDB tại {Url} trả thiếu sự kiện của '{log}' (max-row-limit?).", isTransient: false);
        }

        var kept = new Dictionary<(string Stream, long Sequence), StoredEvent>();
        foreach (var series in results.SelectMany(r => r.Series))
        {
            int time = series.Column("time"), stream = series.Column(InfluxSchema.Stream), sequence = series.Column(InfluxSchema.Sequence);
            int type = series.Column(InfluxSchema.Type), payload = series.Column(InfluxSchema.Payload);
            foreach (var row in series.Rows)
            {
                if (InfluxCell.TextAt(row, stream) is not { } s || InfluxCell.NumberAt(row, sequence) is not { } n
                    || InfluxCell.TextAt(row, type) is not { } t || InfluxCell.TextAt(row, payload) is not { } p)
                {
                    continue;
                }

                var e = new StoredEvent(log, s, (long)n, DateTimeOffset.FromUnixTimeMilliseconds((long)(InfluxCell.NumberAt(row, time) ?? 0)), t, InfluxLineText.Decode(p));
                if (!kept.TryGetValue((s, e.Sequence), out var other) || other.Time <= e.Time)
                {
                    kept[(s, e.Sequence)] = e;
                }
            }
        }

        return StoredEventRules.InReadOrder(kept.Values);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Stamped with the time of marking in nanoseconds; marking again adds a point with the same id, which reads
    /// fold into one. Two marks of one outbox are one series, so two marks in the same millisecond must not share
    /// a timestamp, or the second would overwrite the first and that notification would be sent again after a
    /// restart: <see cref="NextSentMarkTime"/> gives every mark of this process its own nanosecond, starting at a
    /// hash of the id inside the millisecond so that two processes marking at once are apart as well.
    /// </remarks>
    public async Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        StoredEventRules.ThrowIfBadName(id, "id", nameof(id));
        long time = NextSentMarkTime(id);
        var (dropped, message) = await _writer.WriteLinesAsync(lines =>
        {
            lines.BeginLine(InfluxSchema.EventSent);
            lines.Tag(InfluxSchema.Outbox, outbox);
            lines.Field(InfluxSchema.Id, id);
            lines.EndLine(time);
        }, nanoseconds: true, cancellationToken);
        if (dropped > 0)
        {
            throw new TimeSeriesStoreException($"InfluxDB tại {Url} không ghi dấu đã gửi '{id}': {message}", isTransient: false, statusCode: 400);
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        StoredEventRules.ThrowIfBadName(id, "id", nameof(id));
        string query = $"SELECT \"{InfluxSchema.Id}\" FROM {_sent} WHERE \"{InfluxSchema.Outbox}\" = {Literal(outbox)} AND \"{InfluxSchema.Id}\" = {Literal(id)} LIMIT 1";
        return (await QueryAsync(query, cancellationToken)).Exists(r => r.Series.Any(s => s.Rows.Count > 0));
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        string query = $"SELECT \"{InfluxSchema.Id}\" FROM {_sent} WHERE \"{InfluxSchema.Outbox}\" = {Literal(outbox)}";
        var results = await QueryAsync(query, cancellationToken);
        if (results.Exists(r => r.Partial || r.Series.Any(s => s.Partial)))
        {
            // A missing id would be sent a second time.
            throw new TimeSeriesStoreException($"InfluxDB tại {Url} trả thiếu dấu đã gửi của '{outbox}' (max-row-limit?).", isTransient: false);
        }

        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in results.SelectMany(r => r.Series))
        {
            int column = series.Column(InfluxSchema.Id);
            foreach (var row in series.Rows)
            {
                if (InfluxCell.TextAt(row, column) is { } id)
                {
                    sent.Add(id);
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// The marking time in nanoseconds: the millisecond of now, plus a stable hash of the id below it, and never
    /// a value this process has handed out before (strictly increasing across threads).
    /// </summary>
    private long NextSentMarkTime(string id)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a: stable across processes, unlike string.GetHashCode.
        foreach (char c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        long wanted = (_time.GetUtcNow().ToUnixTimeMilliseconds() * NanosecondsPerMillisecond) + (long)(hash % NanosecondsPerMillisecond);
        while (true)
        {
            long last = Interlocked.Read(ref _lastSentMarkTime);
            long next = Math.Max(wanted, last + 1);
            if (Interlocked.CompareExchange(ref _lastSentMarkTime, next, last) == last)
            {
                return next;
            }
        }
    }

    private static void WriteEvent(LineProtocolWriter lines, StoredEvent e)
    {
        lines.BeginLine(InfluxSchema.StoredEvent);
        lines.Tag(InfluxSchema.Log, e.Log);
        lines.Tag(InfluxSchema.Stream, e.Stream);
        lines.Field(InfluxSchema.Sequence, e.Sequence);
        lines.Field(InfluxSchema.Type, e.Type);
        lines.Field(InfluxSchema.Payload, InfluxLineText.Encode(e.Payload));
        lines.EndLine((e.Time.ToUnixTimeMilliseconds() * NanosecondsPerMillisecond) + (e.Sequence % NanosecondsPerMillisecond));
    }
}
