using KpiMonitor.Shared.Storage;
using Microsoft.Data.Sqlite;

namespace KpiMonitor.Storage.Sqlite;

/// <summary>
/// Event logs as table <c>stored_event</c> keyed by (log, stream, sequence), and sent-marks as <c>event_sent</c>.
/// An append is one transaction: all its events are stored or none.
/// </summary>
public sealed partial class SqliteTimeSeriesStore
{
    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfInvalid(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var upsert = Command(connection, SqliteSchema.UpsertEvent, "$log", "$stream", "$sequence", "$time", "$type", "$payload");
            foreach (var e in events)
            {
                Bind(upsert, e.Log, e.Stream, e.Sequence, e.Time.ToUnixTimeMilliseconds(), e.Type, e.Payload);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new TimeSeriesStoreException($"Không ghi được sự kiện vào SQLite ({connection.DataSource}): {ex.Message}", isTransient: ex.SqliteErrorCode is 5 or 6, inner: ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string log, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(log, "log", nameof(log));
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, SqliteSchema.Events, "$log", "$since");
        Bind(query, log, since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        var events = new List<StoredEvent>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(log, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3), reader.GetString(4)));
        }

        // Sorted here rather than by SQL: SQLite orders text by UTF-8 bytes, the contract by UTF-16 (ordinal).
        return StoredEventRules.InReadOrder(events);
    }

    /// <inheritdoc />
    public async Task MarkSentAsync(string outbox, string id, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        StoredEventRules.ThrowIfBadName(id, "id", nameof(id));
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = Command(connection, SqliteSchema.MarkSent, "$outbox", "$id", "$sent");
        Bind(insert, outbox, id, _time.GetUtcNow().ToUnixTimeMilliseconds());
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new TimeSeriesStoreException($"Không ghi được dấu đã gửi vào SQLite ({connection.DataSource}): {ex.Message}", isTransient: ex.SqliteErrorCode is 5 or 6, inner: ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsSentAsync(string outbox, string id, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        StoredEventRules.ThrowIfBadName(id, "id", nameof(id));
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, "SELECT 1 FROM event_sent WHERE outbox = $outbox AND id = $id", "$outbox", "$id");
        Bind(query, outbox, id);
        return await query.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetSentAsync(string outbox, CancellationToken cancellationToken)
    {
        StoredEventRules.ThrowIfBadName(outbox, "outbox", nameof(outbox));
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, "SELECT id FROM event_sent WHERE outbox = $outbox", "$outbox");
        Bind(query, outbox);
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sent.Add(reader.GetString(0));
        }

        return sent;
    }
}
