namespace KpiMonitor.Storage.Sqlite;

/// <summary>The embedded store's tables. Ratios keep numerator and denominator; the percentage is computed on read, as in InfluxDB.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS observation (
            kpi TEXT NOT NULL,
            unit TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            value REAL,
            numerator REAL,
            denominator REAL,
            source TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            PRIMARY KEY (kpi, unit, time_ms)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS source_activity (
            source TEXT NOT NULL,
            unit TEXT NOT NULL,
            latest_period_ms INTEGER NOT NULL,
            received_ms INTEGER NOT NULL,
            PRIMARY KEY (source, unit)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS kpi_change (
            kpi TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS source_health (
            source TEXT NOT NULL PRIMARY KEY,
            last_run_ms INTEGER NOT NULL,
            last_success_ms INTEGER,
            last_error TEXT,
            duration_ms INTEGER NOT NULL,
            points INTEGER NOT NULL,
            consecutive_failures INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stored_event (
            log TEXT NOT NULL,
            stream TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            time_ms INTEGER NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (log, stream, sequence)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS stored_event_by_time ON stored_event (log, time_ms);
        CREATE TABLE IF NOT EXISTS event_sent (
            outbox TEXT NOT NULL,
            id TEXT NOT NULL,
            sent_ms INTEGER NOT NULL,
            PRIMARY KEY (outbox, id)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// An event's identity is its key; of two under one key the later time stays (equal: the later append),
    /// the rule InfluxDB's point identity gives the other store.
    /// </summary>
    public const string UpsertEvent = """
        INSERT INTO stored_event (log, stream, sequence, time_ms, type, payload) VALUES ($log, $stream, $sequence, $time, $type, $payload)
        ON CONFLICT (log, stream, sequence) DO UPDATE SET
            time_ms = excluded.time_ms, type = excluded.type, payload = excluded.payload
        WHERE excluded.time_ms >= stored_event.time_ms
        """;

    public const string Events = """
        SELECT stream, sequence, time_ms, type, payload FROM stored_event
        WHERE log = $log AND time_ms >= $since
        """;

    public const string MarkSent = "INSERT OR IGNORE INTO event_sent (outbox, id, sent_ms) VALUES ($outbox, $id, $sent)";

    /// <summary>The newest run stands, as InfluxDB's newest point does: a run recorded late (another collector's, slower) does not replace it.</summary>
    public const string UpsertHealth = """
        INSERT INTO source_health (source, last_run_ms, last_success_ms, last_error, duration_ms, points, consecutive_failures)
        VALUES ($source, $run, $success, $error, $duration, $points, $failures)
        ON CONFLICT (source) DO UPDATE SET
            last_run_ms = excluded.last_run_ms, last_success_ms = excluded.last_success_ms, last_error = excluded.last_error,
            duration_ms = excluded.duration_ms, points = excluded.points, consecutive_failures = excluded.consecutive_failures
        WHERE excluded.last_run_ms >= source_health.last_run_ms
        """;

    public const string UpsertObservation = """
        INSERT INTO observation (kpi, unit, time_ms, value, numerator, denominator, source, received_ms)
        VALUES ($kpi, $unit, $time, $value, $numerator, $denominator, $source, $received)
        ON CONFLICT (kpi, unit, time_ms) DO UPDATE SET
            value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
            source = excluded.source, received_ms = excluded.received_ms
        """;

    public const string UpsertChange = "INSERT OR REPLACE INTO kpi_change (kpi, version) VALUES ($kpi, $version)";

    public const string Changes = "SELECT kpi, version FROM kpi_change";

    public const string UpsertActivity = """
        INSERT INTO source_activity (source, unit, latest_period_ms, received_ms) VALUES ($source, $unit, $latest, $received)
        ON CONFLICT (source, unit) DO UPDATE SET
            latest_period_ms = max(latest_period_ms, excluded.latest_period_ms),
            received_ms = max(received_ms, excluded.received_ms)
        """;

    public const string Latest = """
        SELECT o.unit, o.time_ms, o.value, o.numerator, o.denominator, o.source, o.received_ms
        FROM observation o
        JOIN (SELECT unit, max(time_ms) AS t FROM observation
              WHERE kpi = $kpi AND time_ms <= $asOf AND ($all OR unit IN (SELECT value FROM json_each($units)))
              GROUP BY unit) m ON m.unit = o.unit AND m.t = o.time_ms
        WHERE o.kpi = $kpi
        ORDER BY o.unit
        """;

    public const string Range = """
        SELECT unit, time_ms, value, numerator, denominator FROM observation
        WHERE kpi = $kpi AND time_ms >= $from AND time_ms < $to AND ($all OR unit IN (SELECT value FROM json_each($units)))
        ORDER BY unit, time_ms
        """;
}
