using KpiMonitor.Shared.Configuration;
using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static KpiMonitor.Storage.Influx.InfluxQl;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// The production store, over InfluxDB's HTTP API. It speaks only <c>/write</c> (line protocol),
/// <c>/query</c> (InfluxQL) and <c>/ping</c> because those are the endpoints InfluxDB 1.x, 2.x and 3.x
/// all serve; the official client packages speak only the v2 API with Flux, or Flight SQL, to one address (ADR 001).
/// Writes are idempotent (a point's key is KPI, unit and period start), so a caller may safely retry a
/// whole call after a <see cref="TimeSeriesStoreException"/>; retries of single requests happen here.
/// Give it an <see cref="HttpClient"/> from <c>IHttpClientFactory</c> (typed or named) without a resilience
/// handler: this class already retries, and two layers would multiply the attempts. The client is not
/// modified (it may be shared); the address comes from its BaseAddress or else from the options.
/// </summary>
public sealed partial class InfluxTimeSeriesStore : ITimeSeriesStore, ISourceHealthStore, IEventLog
{
    private readonly InfluxConnection _connection;
    private readonly InfluxBatchWriter _writer;
    private readonly Catalog _catalog;
    private readonly ObservationValidator _validator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _batchSize;

    // Measurements as InfluxQL names, qualified by the retention policy when one is configured, so reads
    // find what writes put there rather than looking in the default policy.
    private readonly string _observations;
    private readonly string _activity;
    private readonly string _health;
    private readonly string _changes;
    private readonly string _events;
    private readonly string _sent;

    /// <summary>Creates the store; throws <see cref="OptionsValidationException"/> for bad settings.</summary>
    public InfluxTimeSeriesStore(HttpClient http, IOptions<InfluxOptions> options, Catalog catalog, TimeProvider time, ILogger<InfluxTimeSeriesStore> logger)
    {
        var settings = options.Value;
        InfluxOptionsValidator.ThrowIfInvalid(settings);
        _connection = new InfluxConnection(http, settings, time, logger);
        _writer = new InfluxBatchWriter(_connection, settings, logger);
        _catalog = catalog;
        _validator = new ObservationValidator(catalog);
        _time = time;
        _logger = logger;
        _batchSize = settings.BatchSize;
        string rp = string.IsNullOrEmpty(settings.RetentionPolicy) ? "" : Identifier(settings.RetentionPolicy) + ".";
        _observations = rp + Identifier(InfluxSchema.Observation);
        _activity = rp + Identifier(InfluxSchema.SourceActivity);
        _health = rp + Identifier(InfluxSchema.SourceHealth);
        _changes = rp + Identifier(InfluxSchema.KpiChange);
        _events = rp + Identifier(InfluxSchema.StoredEvent);
        _sent = rp + Identifier(InfluxSchema.EventSent);
    }

    /// <summary>The server address in use (with several nodes, the one that answered last), without credentials.</summary>
    public Uri Url => _connection.BaseUri;

    /// <summary>Every configured server address, in the order they are tried.</summary>
    public IReadOnlyList<Uri> Urls => _connection.Urls;

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken)
    {
        var (valid, rejected) = _validator.Split(observations);
        if (valid.Count == 0)
        {
            return new WriteResult(0, rejected);
        }

        var points = LastOfEachKey(valid);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var activity = ActivityPoint.Summarise(points, now);
        var (dropped, message, refused) = await _writer.WriteAsync(points, IsRatio, activity, now, cancellationToken);
        if (dropped > 0)
        {
            _logger.LogWarning("InfluxDB {Url} bỏ {Dropped}/{Points} quan sát: {ServerMessage}", Url, dropped, points.Count, message);
        }

        await MarkChangedAsync(points, now, cancellationToken);

        var refusedByServer = refused.ConvertAll(r => new RejectedObservation(points[r.Line], r.Reason));
        return new WriteResult(Math.Max(0, valid.Count - dropped), rejected, dropped, message, refusedByServer);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> GetChangeVersionsAsync(CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        string query = $"SELECT last(\"{InfluxSchema.Version}\") AS \"{InfluxSchema.Version}\" FROM {_changes} GROUP BY \"{InfluxSchema.Kpi}\"";
        foreach (var series in (await QueryAsync(query, cancellationToken)).SelectMany(r => r.Series))
        {
            if (series.Tag(InfluxSchema.Kpi) is { } kpi && series.Rows.Count > 0
                && InfluxCell.NumberAt(series.Rows[0], series.Column(InfluxSchema.Version)) is { } version)
            {
                versions[kpi] = (long)version;
            }
        }

        return versions;
    }

    /// <summary>
    /// Succeeds when at least one node answers <c>/ping</c>; a node that does not is logged by address. Throws
    /// <see cref="TimeSeriesStoreException"/> naming every node and its problem when none answers.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var nodes = await PingNodesAsync(cancellationToken);
        if (nodes.Any(n => n.Answering))
        {
            foreach (var node in nodes.Where(n => !n.Answering))
            {
                _logger.LogWarning("InfluxDB {Url} không trả lời kiểm tra kết nối: {Problem}", node.Url, node.Problem);
            }

            return;
        }

        // Transient unless some node refused for a reason waiting does not cure (401, 403, 404).
        var refusal = nodes.FirstOrDefault(n => n.StatusCode is int code && code != 429 && code < 500);
        throw new TimeSeriesStoreException(
            "InfluxDB không trả lời kiểm tra kết nối: " + string.Join("; ", nodes.Select(n => $"{n.Url}: {n.Problem}")),
            isTransient: refusal is null, statusCode: refusal?.StatusCode);
    }

    /// <summary>Pings every configured node once (no retry); one entry per node, in configured order.</summary>
    public Task<IReadOnlyList<InfluxNodeHealth>> PingNodesAsync(CancellationToken cancellationToken) => _connection.PingAllAsync(cancellationToken);

    /// <summary>
    /// Tells readers that these KPIs changed, after their figures are in. A failure here is logged, not thrown:
    /// the figures are stored, and caches also expire by age.
    /// </summary>
    private async Task MarkChangedAsync(List<Observation> points, long now, CancellationToken cancellationToken)
    {
        var kpis = points.Select(o => o.Kpi).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            var (dropped, message) = await _writer.WriteLinesAsync(lines =>
            {
                foreach (string kpi in kpis)
                {
                    lines.BeginLine(InfluxSchema.KpiChange);
                    lines.Tag(InfluxSchema.Kpi, kpi);
                    // Kept below 2^53 so the version survives InfluxDB's JSON numbers exactly.
                    lines.Field(InfluxSchema.Version, Random.Shared.NextInt64(1L << 53));
                    lines.EndLine(now);
                }
            }, cancellationToken);
            if (dropped > 0)
            {
                _logger.LogWarning("InfluxDB {Url} không ghi dấu thay đổi của {Kpis}: {ServerMessage}", Url, string.Join(", ", kpis), message);
            }
        }
        catch (TimeSeriesStoreException ex)
        {
            _logger.LogWarning("InfluxDB {Url}: đã ghi số liệu nhưng không ghi được dấu thay đổi của {Kpis}: {Error}", Url, string.Join(", ", kpis), ex.Message);
        }
    }

    /// <summary>Same KPI, unit and millisecond twice in one call: the last one wins, as a second call would.</summary>
    private static List<Observation> LastOfEachKey(List<Observation> valid)
    {
        if (valid.Count < 2)
        {
            return valid;
        }

        var seen = new HashSet<(string Kpi, string Unit, long Time)>(valid.Count);
        var kept = new List<Observation>(valid.Count);
        for (int i = valid.Count - 1; i >= 0; i--)
        {
            var o = valid[i];
            if (seen.Add((o.Kpi, o.Unit, o.Time.ToUnixTimeMilliseconds())))
            {
                kept.Add(o);
            }
        }

        kept.Reverse();
        return kept;
    }

    private bool IsRatio(string kpi) => _catalog.Kpis.Find(kpi)?.Kind == KpiKind.Ratio;
}
