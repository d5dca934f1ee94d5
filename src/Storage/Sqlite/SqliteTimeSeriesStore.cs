using System.Text.Json;
using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file, so <c>dotnet run</c> works with no server. It keeps the
/// same schema ideas as the InfluxDB store (period timestamp as key, ratios as two parts) and passes the
/// same contract tests. Writes are serialised because SQLite has one writer at a time.
/// </summary>
public sealed partial class SqliteTimeSeriesStore : ITimeSeriesStore, ISourceHealthStore, IEventLog, IDisposable
{
    private readonly string _connectionString;
    private readonly Catalog _catalog;
    private readonly ObservationValidator _validator;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _path;
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    /// <summary>Creates the store; the file and tables are created on first use.</summary>
    public SqliteTimeSeriesStore(IOptions<SqliteOptions> options, Catalog catalog, TimeProvider time)
    {
        string path = System.IO.Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _catalog = catalog;
        _validator = new ObservationValidator(catalog);
        _time = time;
        _path = path;
    }

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken)
    {
        var (valid, rejected) = _validator.Split(observations);
        if (valid.Count == 0)
        {
            return new WriteResult(0, rejected);
        }

        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = Command(connection, SqliteSchema.UpsertObservation, "$kpi", "$unit", "$time", "$value", "$numerator", "$denominator", "$source", "$received");
            foreach (var o in valid)
            {
                bool ratio = _catalog.Kpis.Find(o.Kpi)!.Kind == KpiKind.Ratio;
                Bind(insert, o.Kpi, o.Unit, o.Time.ToUnixTimeMilliseconds(), ratio ? null : o.Value, ratio ? o.Numerator : null,
                    ratio ? o.Denominator : null, o.Source, o.ReceivedAt?.ToUnixTimeMilliseconds() ?? now);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var activity = Command(connection, SqliteSchema.UpsertActivity, "$source", "$unit", "$latest", "$received");
            foreach (var group in valid.GroupBy(o => (o.Source, o.Unit)))
            {
                Bind(activity, group.Key.Source, group.Key.Unit, group.Max(o => o.Time).ToUnixTimeMilliseconds(),
                    group.Max(o => o.ReceivedAt?.ToUnixTimeMilliseconds() ?? now));
                await activity.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var change = Command(connection, SqliteSchema.UpsertChange, "$kpi", "$version");
            foreach (string kpi in valid.Select(o => o.Kpi).Distinct(StringComparer.Ordinal))
            {
                Bind(change, kpi, Random.Shared.NextInt64());
                await change.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new TimeSeriesStoreException($"Không ghi được vào SQLite ({connection.DataSource}): {ex.Message}", isTransient: ex.SqliteErrorCode is 5 or 6, inner: ex);
        }
        finally
        {
            _writeLock.Release();
        }

        return new WriteResult(valid.Count, rejected);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredValue>> GetLatestAsync(string kpi, DateTimeOffset asOf, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, SqliteSchema.Latest, "$kpi", "$asOf", "$all", "$units");
        Bind(query, kpi, asOf.ToUnixTimeMilliseconds(), units is null, JsonSerializer.Serialize(units ?? []));
        var result = new List<StoredValue>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            double? numerator = Nullable(reader, 3), denominator = Nullable(reader, 4);
            result.Add(new StoredValue(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                Nullable(reader, 2) ?? StoredValue.Percentage(numerator, denominator),
                numerator,
                denominator,
                reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return result;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(
        string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken) =>
        LastInPeriod.ReadAsync(this, kpi, units, from, to, granularity, cancellationToken);

    /// <inheritdoc />
    public async Task ScanSeriesAsync(
        string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, SeriesRowHandler rows, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, SqliteSchema.Range, "$kpi", "$from", "$to", "$all", "$units");
        Bind(query, kpi, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), units is null, JsonSerializer.Serialize(units ?? []));

        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            double? numerator = Nullable(reader, 3), denominator = Nullable(reader, 4);
            rows(reader.GetString(0), reader.GetInt64(1), Nullable(reader, 2) ?? StoredValue.Percentage(numerator, denominator), numerator, denominator);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> GetChangeVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, SqliteSchema.Changes);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, "SELECT source, unit, latest_period_ms, received_ms FROM source_activity ORDER BY source, unit");
        var result = new List<SourceActivity>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SourceActivity(reader.GetString(0), reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task WriteSourceHealthAsync(SourceHealth health, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var upsert = Command(connection, SqliteSchema.UpsertHealth, "$source", "$run", "$success", "$error", "$duration", "$points", "$failures");
        Bind(upsert, health.Source, health.LastRun.ToUnixTimeMilliseconds(), health.LastSuccess?.ToUnixTimeMilliseconds(), health.LastError,
            (long)health.Duration.TotalMilliseconds, health.Points, health.ConsecutiveFailures);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new TimeSeriesStoreException($"Không ghi được tình trạng nguồn vào SQLite ({connection.DataSource}): {ex.Message}", isTransient: true, inner: ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceHealth>> GetSourceHealthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection,
            "SELECT source, last_run_ms, last_success_ms, last_error, duration_ms, points, consecutive_failures FROM source_health ORDER BY source");
        var result = new List<SourceHealth>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SourceHealth(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3), TimeSpan.FromMilliseconds(reader.GetInt64(4)), reader.GetInt64(5), reader.GetInt32(6)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, "SELECT 1");
        await query.ExecuteScalarAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _writeLock.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync().WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw new TimeSeriesStoreException($"Không mở được cơ sở dữ liệu SQLite '{connection.DataSource}': {ex.Message}", isTransient: false, inner: ex);
        }
    }

    /// <summary>Creates the tables once; a failed attempt (folder not writable yet) is tried again on the next call.</summary>
    private Task EnsureSchemaAsync()
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateSchemaAsync(_path);
            }

            return _schema;
        }
    }

    private async Task CreateSchemaAsync(string path)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            await using var create = Command(connection, SqliteSchema.Create);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new TimeSeriesStoreException($"Không tạo được cơ sở dữ liệu SQLite tại '{path}': {ex.Message}", isTransient: false, inner: ex);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static double? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
