using System.Text;

namespace KpiMonitor.Shared.Storage;

/// <summary>
/// What both stores accept in an event log, checked before anything is written so the stores behave alike:
/// names are non-empty single lines that do not end in a backslash (InfluxDB tags refuse that), sequences
/// start at 1, times lie between 1970 and 2200, payloads fit <see cref="StoredEvent.MaxPayloadBytes"/>.
/// </summary>
public static class StoredEventRules
{
    /// <summary>Earliest event time accepted.</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>Event times must be before this (InfluxDB's nanosecond timestamps end in 2262).</summary>
    public static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first event that breaks a rule.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Sự kiện thứ {i} là null.", nameof(events));
            string where = $"Sự kiện thứ {i} ({e.Log}/{e.Stream}#{e.Sequence})";
            ThrowIfBadName(e.Log, $"{where}: log", nameof(events));
            ThrowIfBadName(e.Stream, $"{where}: stream", nameof(events));
            ThrowIfBadName(e.Type, $"{where}: type", nameof(events));
            if (e.Sequence < 1)
            {
                throw new ArgumentException($"{where}: số thứ tự phải từ 1.", nameof(events));
            }

            if (e.Time < Earliest || e.Time >= Latest)
            {
                throw new ArgumentException($"{where}: thời điểm {e.Time:O} nằm ngoài {Earliest.Year}–{Latest.Year - 1}.", nameof(events));
            }

            if (e.Payload is null || Encoding.UTF8.GetByteCount(e.Payload) > StoredEvent.MaxPayloadBytes)
            {
                throw new ArgumentException($"{where}: nội dung rỗng hoặc dài quá {StoredEvent.MaxPayloadBytes} byte.", nameof(events));
            }
        }
    }

    /// <summary>The order <see cref="IEventLog.ReadAsync"/> returns: time (to the millisecond), stream (ordinal), sequence.</summary>
    public static IReadOnlyList<StoredEvent> InReadOrder(IEnumerable<StoredEvent> events) =>
        events.OrderBy(e => e.Time.ToUnixTimeMilliseconds())
            .ThenBy(e => e.Stream, StringComparer.Ordinal)
            .ThenBy(e => e.Sequence)
            .ToList();

    /// <summary>Throws <see cref="ArgumentException"/> when a log, outbox or id cannot be stored as a name.</summary>
    public static void ThrowIfBadName(string? name, string what, string parameter)
    {
        if (string.IsNullOrEmpty(name) || name.Length > StoredEvent.MaxNameLength || name.EndsWith('\\') || name.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException(
                $"{what} '{name}' không hợp lệ: cần 1–{StoredEvent.MaxNameLength} ký tự trên một dòng, không kết thúc bằng '\\'.", parameter);
        }
    }
}
