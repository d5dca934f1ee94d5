namespace KpiMonitor.Shared.Storage;

/// <summary>
/// One event of an append-only log (<see cref="IEventLog"/>), in a form no store needs to understand:
/// the owner's type name and JSON. Its identity is <see cref="Log"/>, <see cref="Stream"/> and
/// <see cref="Sequence"/>; appending it again does not make a second event.
/// </summary>
/// <param name="Log">The log it belongs to, for example <c>alerts</c> or <c>alert-actions</c>.</param>
/// <param name="Stream">The stream inside the log with its own sequence numbers, for example one alert instance.</param>
/// <param name="Sequence">1, 2, 3… within the stream.</param>
/// <param name="Time">When it happened; stores keep it to the millisecond.</param>
/// <param name="Type">The owner's stable name of the event's type, for example <c>fired</c>.</param>
/// <param name="Payload">The event as JSON (or any text up to <see cref="MaxPayloadBytes"/>), returned unchanged.</param>
public sealed record StoredEvent(string Log, string Stream, long Sequence, DateTimeOffset Time, string Type, string Payload)
{
    /// <summary>
    /// Largest payload in UTF-8 bytes. InfluxDB 1.x limits a string field to 64 KB and the stored form of a
    /// payload can triple in size (escaped line breaks), so payloads are kept well below; alert events are
    /// a few hundred bytes.
    /// </summary>
    public const int MaxPayloadBytes = 16 * 1024;

    /// <summary>Largest length of a log, stream or type name, or of a sent-mark id.</summary>
    public const int MaxNameLength = 512;
}
