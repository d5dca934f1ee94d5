namespace KpiMonitor.Storage.Influx;

/// <summary>
/// How observations look in InfluxDB. Tags are only <c>kpi</c> and <c>unit</c>, so a series is one KPI of one
/// unit and the period timestamp makes a re-poll overwrite the point; <c>source</c> is a field for the same
/// reason (as a tag, a figure corrected by another source would become a second point).
/// Ratios keep numerator and denominator so parents can be rolled up; the percentage is computed on read.
/// </summary>
internal static class InfluxSchema
{
    public const string Observation = "observation";
    public const string SourceActivity = "source_activity";

    /// <summary>One point per KPI per write call, written after the figures: readers watch its newest <c>version</c>.</summary>
    public const string KpiChange = "kpi_change";
    public const string Version = "version";

    public const string Kpi = "kpi";
    public const string Unit = "unit";
    public const string Source = "source";
    public const string Value = "value";
    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string ReceivedMs = "received_ms";
    public const string LatestPeriodMs = "latest_period_ms";
    public const string Points = "points";

    public const string SourceHealth = "source_health";
    public const string LastRunMs = "last_run_ms";
    public const string LastSuccessMs = "last_success_ms";
    public const string LastError = "last_error";
    public const string DurationMs = "duration_ms";
    public const string ConsecutiveFailures = "consecutive_failures";

    /// <summary>Event logs (<see cref="Shared.Storage.IEventLog"/>): tags <c>log</c> and <c>stream</c>; see <see cref="InfluxTimeSeriesStore"/>'s event part.</summary>
    public const string StoredEvent = "stored_event";
    public const string Log = "log";
    public const string Stream = "stream";
    public const string Sequence = "sequence";
    public const string Type = "type";
    public const string Payload = "payload";

    /// <summary>Outbox sent-marks: tag <c>outbox</c>, the delivery id as a field (as a tag, every notification would be a series).</summary>
    public const string EventSent = "event_sent";
    public const string Outbox = "outbox";
    public const string Id = "id";

    /// <summary>One observation as a line; the validator has already guaranteed the parts this kind needs.</summary>
    public static void WriteObservation(LineProtocolWriter writer, Shared.Storage.Observation o, bool ratio, long receivedMs)
    {
        writer.BeginLine(Observation);
        writer.Tag(Kpi, o.Kpi);
        writer.Tag(Unit, o.Unit);
        if (ratio)
        {
            writer.Field(Numerator, o.Numerator!.Value);
            writer.Field(Denominator, o.Denominator!.Value);
        }
        else
        {
            writer.Field(Value, o.Value!.Value);
        }

        writer.Field(Source, o.Source);
        writer.Field(ReceivedMs, receivedMs);
        writer.EndLine(o.Time.ToUnixTimeMilliseconds());
    }

    /// <summary>What one source delivered for one unit in one write, stamped with its arrival time.</summary>
    public static void WriteActivity(LineProtocolWriter writer, ActivityPoint point)
    {
        writer.BeginLine(SourceActivity);
        writer.Tag(Source, point.Source);
        writer.Tag(Unit, point.Unit);
        writer.Field(LatestPeriodMs, point.LatestPeriodMs);
        writer.Field(ReceivedMs, point.ReceivedMs);
        writer.Field(Points, point.Points);
        writer.EndLine(point.ReceivedMs);
    }
}
