using System.Text;
using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Source health as measurement <c>source_health</c> (tag <c>source</c>), one point per run stamped with the
/// run's time. Reading takes each source's newest row whole (not <c>last()</c> per field): a run without a
/// success or an error omits those fields, and per-field <c>last()</c> would revive an older run's values.
/// </summary>
public sealed partial class InfluxTimeSeriesStore
{
    /// <summary>Error texts are trimmed to this length: string fields are limited (64 KB on 1.x) and a page shows a line or two.</summary>
    private const int MaxErrorLength = 2000;

    private string HealthQuery =>
        $"SELECT \"{InfluxSchema.LastSuccessMs}\",\"{InfluxSchema.LastError}\",\"{InfluxSchema.DurationMs}\",\"{InfluxSchema.Points}\",\"{InfluxSchema.ConsecutiveFailures}\" " +
        $"FROM {_health} GROUP BY \"{InfluxSchema.Source}\" ORDER BY time DESC LIMIT 1";

    /// <inheritdoc />
    public async Task WriteSourceHealthAsync(SourceHealth health, CancellationToken cancellationToken)
    {
        var (dropped, message) = await _writer.WriteLinesAsync(lines =>
        {
            lines.BeginLine(InfluxSchema.SourceHealth);
            lines.Tag(InfluxSchema.Source, health.Source);
            if (health.LastSuccess is { } success)
            {
                lines.Field(InfluxSchema.LastSuccessMs, success.ToUnixTimeMilliseconds());
            }

            if (!string.IsNullOrEmpty(health.LastError))
            {
                lines.Field(InfluxSchema.LastError, OneLine(health.LastError));
            }

            lines.Field(InfluxSchema.DurationMs, (long)health.Duration.TotalMilliseconds);
            lines.Field(InfluxSchema.Points, health.Points);
            lines.Field(InfluxSchema.ConsecutiveFailures, (long)health.ConsecutiveFailures);
            lines.EndLine(health.LastRun.ToUnixTimeMilliseconds());
        }, cancellationToken);

        if (dropped > 0)
        {
            throw new TimeSeriesStoreException($"InfluxDB tại {Url} không ghi tình trạng nguồn '{health.Source}': {message}", isTransient: false, statusCode: 400);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SourceHealth>> GetSourceHealthAsync(CancellationToken cancellationToken)
    {
        var result = new List<SourceHealth>();
        foreach (var series in (await QueryAsync(HealthQuery, cancellationToken)).SelectMany(r => r.Series))
        {
            if (series.Tag(InfluxSchema.Source) is not { } source || series.Rows.Count == 0)
            {
                continue;
            }

            var row = series.Rows[0];
            double? At(string column) => InfluxCell.NumberAt(row, series.Column(column));
            result.Add(new SourceHealth(
                source,
                DateTimeOffset.FromUnixTimeMilliseconds((long)(At("time") ?? 0)),
                At(InfluxSchema.LastSuccessMs) is { } success ? DateTimeOffset.FromUnixTimeMilliseconds((long)success) : null,
                InfluxCell.TextAt(row, series.Column(InfluxSchema.LastError)),
                TimeSpan.FromMilliseconds(At(InfluxSchema.DurationMs) ?? 0),
                (long)(At(InfluxSchema.Points) ?? 0),
                (int)(At(InfluxSchema.ConsecutiveFailures) ?? 0)));
        }

        return result.OrderBy(h => h.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>Line protocol cannot carry line breaks; an error's stack of lines becomes one line.</summary>
    private static string OneLine(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxErrorLength));
        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxErrorLength)))
        {
            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return sb.ToString();
    }
}
