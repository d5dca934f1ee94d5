using System.Text;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;
using static KpiMonitor.Storage.Influx.InfluxQl;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Reads, in InfluxQL. "Newest figure per unit" is <c>ORDER BY time DESC LIMIT 1</c> per <c>GROUP BY "unit"</c>
/// series rather than <c>last()</c> per field, so a row's numerator, denominator and source stay together.
/// </summary>
public sealed partial class InfluxTimeSeriesStore
{
    /// <summary>Beyond this many units a filter makes the query slower than reading every unit and filtering here.</summary>
    private const int MaxUnitsInFilter = 200;

    private const string LatestFields = "\"numerator\",\"denominator\",\"value\",\"source\",\"received_ms\"";
    private const string SeriesFields = "\"numerator\",\"denominator\",\"value\"";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredValue>> GetLatestAsync(string kpi, DateTimeOffset asOf, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
        {
            return [];
        }

        var wanted = units is null ? null : new HashSet<string>(units, StringComparer.Ordinal);
        var query = new StringBuilder($"SELECT {LatestFields} FROM {_observations} WHERE \"{InfluxSchema.Kpi}\" = ")
            .Append(Literal(kpi)).Append(" AND time <= ").Append(Time(asOf));
        AppendUnitFilter(query, wanted);
        query.Append($" GROUP BY \"{InfluxSchema.Unit}\" ORDER BY time DESC LIMIT 1");

        bool? ratio = KindOf(kpi);
        var values = new List<StoredValue>();
        foreach (var series in (await QueryAsync(query.ToString(), cancellationToken)).SelectMany(r => r.Series))
        {
            if (series.Tag(InfluxSchema.Unit) is not { } unit || series.Rows.Count == 0 || (wanted is not null && !wanted.Contains(unit)))
            {
                continue;
            }

            var row = series.Rows[0];
            var (time, value, numerator, denominator) = Figure(row, FigureColumns.Of(series), ratio);
            long? received = InfluxCell.NumberAt(row, series.Column(InfluxSchema.ReceivedMs)) is { } r ? (long)r : null;
            values.Add(new StoredValue(unit, DateTimeOffset.FromUnixTimeMilliseconds(time), value, numerator, denominator,
                InfluxCell.TextAt(row, series.Column(InfluxSchema.Source)),
                received is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null));
        }

        values.Sort((a, b) => string.CompareOrdinal(a.Unit, b.Unit));
        return values;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SeriesPoint>> GetSeriesAsync(
        string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, PeriodGranularity granularity, CancellationToken cancellationToken) =>
        LastInPeriod.ReadAsync(this, kpi, units, from, to, granularity, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One flat statement for the whole range, the unit read as a column; "last of each unit in each period" is picked
    /// by the caller. Measured on 1.6 with 5,000 units and 13 months: 0.5 to 0.8 s, against 0.3 s per month for
    /// a <c>GROUP BY "unit" ORDER BY time DESC LIMIT 1</c> statement per period (about 4 s) and several seconds
    /// for a <c>last()</c> subquery summed by the server.
    /// </remarks>
    public async Task ScanSeriesAsync(
        string kpi, IReadOnlyCollection<string>? units, DateTimeOffset from, DateTimeOffset to, SeriesRowHandler rows, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
        {
            return;
        }

        var wanted = units is null ? null : new HashSet<string>(units, StringComparer.Ordinal);
        // Only the fields the KPI's kind uses (Figure ignores the others): influxd 1.6 hands over every unit's 24 months of a
        // ratio KPI in about 60 % of the time without "value" (the dashboard's first reading at national scale, issue #13).
        bool? ratio = KindOf(kpi);
        string fields = ratio switch
        {
            true => $"\"{InfluxSchema.Numerator}\",\"{InfluxSchema.Denominator}\"",
            false => $"\"{InfluxSchema.Value}\"",
            null => SeriesFields,
        };
        var query = new StringBuilder($"SELECT \"{InfluxSchema.Unit}\",{fields} FROM {_observations} WHERE \"{InfluxSchema.Kpi}\" = ")
            .Append(Literal(kpi)).Append(" AND time >= ").Append(Time(from)).Append(" AND time < ").Append(Time(to));
        AppendUnitFilter(query, wanted);

        // Rows are handed on as they are parsed (a national read is 100,000 rows): no row arrays, one string per unit.
        InfluxSeries? current = null;
        var columns = default(FigureColumns);
        await QueryAsync(query.ToString(), cancellationToken, (series, row) =>
        {
            if (!ReferenceEquals(series, current))
            {
                (current, columns) = (series, FigureColumns.Of(series));
            }

            if (InfluxCell.TextAt(row, columns.Unit) is { } unit && (wanted is null || wanted.Contains(unit)))
            {
                var (time, value, numerator, denominator) = Figure(row, columns, ratio);
                rows(unit, time, value, numerator, denominator);
            }
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(CancellationToken cancellationToken)
    {
        string query = $"SELECT max(\"{InfluxSchema.LatestPeriodMs}\") AS \"{InfluxSchema.LatestPeriodMs}\", max(\"{InfluxSchema.ReceivedMs}\") AS \"{InfluxSchema.ReceivedMs}\" " +
            $"FROM {_activity} GROUP BY \"{InfluxSchema.Source}\",\"{InfluxSchema.Unit}\"";
        var activity = new List<SourceActivity>();
        foreach (var series in (await QueryAsync(query, cancellationToken)).SelectMany(r => r.Series))
        {
            if (series.Tag(InfluxSchema.Source) is { } source && series.Tag(InfluxSchema.Unit) is { } unit && series.Rows.Count > 0
                && InfluxCell.NumberAt(series.Rows[0], series.Column(InfluxSchema.LatestPeriodMs)) is { } latest
                && InfluxCell.NumberAt(series.Rows[0], series.Column(InfluxSchema.ReceivedMs)) is { } received)
            {
                activity.Add(new SourceActivity(source, unit, DateTimeOffset.FromUnixTimeMilliseconds((long)latest), DateTimeOffset.FromUnixTimeMilliseconds((long)received)));
            }
        }

        return activity.OrderBy(a => a.Source, StringComparer.Ordinal).ThenBy(a => a.Unit, StringComparer.Ordinal).ToList();
    }

    private static void AppendUnitFilter(StringBuilder query, HashSet<string>? units)
    {
        if (units is null || units.Count > MaxUnitsInFilter)
        {
            return;
        }

        query.Append(" AND (");
        bool first = true;
        foreach (string unit in units)
        {
            query.Append(first ? "" : " OR ").Append($"\"{InfluxSchema.Unit}\" = ").Append(Literal(unit));
            first = false;
        }

        query.Append(')');
    }

    /// <summary>
    /// Time (epoch milliseconds) and value of a row; a ratio's value is the percentage of its parts, null without a
    /// denominator; a scalar has no parts.
    /// </summary>
    private static (long TimeMs, double? Value, double? Numerator, double? Denominator) Figure(ReadOnlySpan<InfluxCell> row, FigureColumns columns, bool? ratio)
    {
        long time = (long)(InfluxCell.NumberAt(row, columns.Time) ?? 0);
        double? numerator = InfluxCell.NumberAt(row, columns.Numerator);
        double? denominator = InfluxCell.NumberAt(row, columns.Denominator);
        double? value = InfluxCell.NumberAt(row, columns.Value);
        value = ratio switch
        {
            true => StoredValue.Percentage(numerator, denominator),
            false => value,
            null => value ?? StoredValue.Percentage(numerator, denominator),
        };
        return ratio == false ? (time, value, null, null) : (time, value, numerator, denominator);
    }

    /// <summary>Whether the KPI is a ratio; null when the catalogue no longer knows it (then the stored fields decide).</summary>
    private bool? KindOf(string kpi) => _catalog.Kpis.Find(kpi) is { } definition ? definition.Kind == KpiKind.Ratio : null;

    private async Task<List<InfluxStatementResult>> QueryAsync(string query, CancellationToken cancellationToken, InfluxRowHandler? rows = null)
    {
        var results = await _connection.RunQueryAsync(query, inDatabase: true, cancellationToken, rows);
        if (results.Exists(r => r.IsDatabaseNotFound))
        {
            return [];
        }

        if (results.Find(r => r.Error is not null) is { } failed)
        {
            // 1.6 answers several statements on a missing database with a bare "not executed";
            // a single statement tells whether that is the reason.
            if (failed.Error == "not executed" && (await _connection.RunQueryAsync($"SELECT \"{InfluxSchema.Source}\" FROM {_observations} LIMIT 1", inDatabase: true, cancellationToken)).Exists(r => r.IsDatabaseNotFound))
            {
                return [];
            }

            throw new TimeSeriesStoreException($"InfluxDB tại {Url} báo lỗi truy vấn: {failed.Error}", isTransient: false);
        }

        if (results.Exists(r => r.Partial || r.Series.Any(s => s.Partial)))
        {
            _logger.LogWarning("InfluxDB {Url} trả kết quả bị cắt (max-row-limit?); có thể thiếu một số đơn vị", Url);
        }

        return results;
    }

    /// <summary>Where a series' figure columns are, found once per series rather than once per row.</summary>
    private readonly record struct FigureColumns(int Time, int Unit, int Numerator, int Denominator, int Value)
    {
        public static FigureColumns Of(InfluxSeries series) => new(
            series.Column("time"), series.Column(InfluxSchema.Unit), series.Column(InfluxSchema.Numerator),
            series.Column(InfluxSchema.Denominator), series.Column(InfluxSchema.Value));
    }
}
