using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Shared.Storage;

/// <summary>
/// Where every observation lives. The collector writes; the dashboard, alerts and reports read.
/// Implemented by InfluxDB (production) and SQLite (embedded default); one contract test suite covers both.
/// </summary>
public interface ITimeSeriesStore
{
    /// <summary>
    /// Validates and writes observations. Invalid ones are returned as rejected and the rest are written.
    /// Same KPI, unit and time overwrites. Throws <see cref="TimeSeriesStoreException"/> when the store
    /// cannot be reached or refuses the whole batch.
    /// </summary>
    Task<WriteResult> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken);

    /// <summary>The newest figure at or before <paramref name="asOf"/> of each unit for a KPI; all units when <paramref name="units"/> is null.</summary>
    Task<IReadOnlyList<StoredValue>> GetLatestAsync(string kpi, DateTimeOffset asOf, IReadOnlyCollection<string>? units, CancellationToken cancellationToken);

    /// <summary>
    /// The last figure of each unit in each calendar period (Vietnamese time) overlapping [from, to); every unit
    /// with figures when <paramref name="units"/> is null.
    /// </summary>
    Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(
        string kpi,
        IReadOnlyCollection<string>? units,
        DateTimeOffset from,
        DateTimeOffset to,
        PeriodGranularity granularity,
        CancellationToken cancellationToken);

    /// <summary>
    /// Hands every figure of the KPI in [from, to) to <paramref name="rows"/> while it is read, and keeps none: in no set
    /// order, and all of a unit's figures in a period when it has several (whoever takes them keeps the newest, as
    /// <see cref="GetSeriesAsync"/> does). Every unit when <paramref name="units"/> is null. For reads of every unit (a
    /// national one is 100,000 figures, issue #13) whose reader builds its own arrays rather than a list of points.
    /// </summary>
    Task ScanSeriesAsync(string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, SeriesRowHandler rows, CancellationToken cancellationToken);

    /// <summary>
    /// A number per KPI that changes whenever figures of that KPI are written, by any process; KPIs never
    /// written are absent. Readers that cache rollups compare it to know what to read again.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetChangeVersionsAsync(CancellationToken cancellationToken);

    /// <summary>For every source and unit: the newest period reported and when it last arrived.</summary>
    Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers; throws <see cref="TimeSeriesStoreException"/> otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
