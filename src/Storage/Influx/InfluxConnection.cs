using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// HTTP to the InfluxDB server, or to the first answering node of several: addresses, credentials,
/// per-request timeout, failover and retries of what may pass (429, 5xx, network errors, timeouts) with
/// exponential backoff, full jitter and <c>Retry-After</c>. What a status means for a write or a query is
/// decided by the callers. (Over 200 lines: the retry loop, the single try, the ping and the pooled body share the HTTP details.)
/// </summary>
internal sealed class InfluxConnection
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InfluxRetryPolicy _retry;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly InfluxNodeSet _nodes;

    public InfluxConnection(HttpClient http, InfluxOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _retry = new InfluxRetryPolicy(options, time);

        // The typed client's own BaseAddress wins over Url, as with any typed client; Urls follow it.
        var urls = options.ServerUrls().Select(u => new Uri(u, UriKind.Absolute)).ToList();
        if (http.BaseAddress is { } fromClient)
        {
            urls.RemoveAll(u => string.Equals(u.ToString(), options.Url?.Trim(), StringComparison.OrdinalIgnoreCase));
            urls.Insert(0, fromClient);
        }

        _nodes = new InfluxNodeSet(urls, options, time, logger);

        string? secret = !string.IsNullOrEmpty(options.Token) ? options.Token : options.Password;
        if (!string.IsNullOrEmpty(secret))
        {
            string user = string.IsNullOrEmpty(options.Username) ? "kpimonitor" : options.Username;
            _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        }
    }

    /// <summary>The address of the node in use (the one that answered last), without credentials, query or fragment.</summary>
    public Uri BaseUri => _nodes.Current.BaseUri;

    /// <summary>Every configured address, in the order they are tried.</summary>
    public IReadOnlyList<Uri> Urls => [.. _nodes.All.Select(n => n.BaseUri)];

    /// <summary>Rows per chunk of a query answer (influxd's own default).</summary>
    private const string ChunkRows = "10000";

    /// <summary>Writes line protocol; timestamps are milliseconds, or nanoseconds when <paramref name="nanoseconds"/> is set.</summary>
    public Task<InfluxReply> WriteAsync(ReadOnlyMemory<byte> body, bool gzipped, bool nanoseconds, CancellationToken cancellationToken) =>
        SendAsync("ghi dữ liệu", _options.MaxRetries, node =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            if (gzipped)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            return new HttpRequestMessage(HttpMethod.Post, nanoseconds ? node.WriteNanosecondsUri : node.WriteUri) { Content = content };
        }, cancellationToken);

    /// <summary>
    /// Runs InfluxQL. Readers are interactive (a dashboard page waits), so they get at most two retries
    /// whatever <see cref="InfluxOptions.MaxRetries"/> allows the collector's writes.
    /// </summary>
    private Task<InfluxReply> QueryAsync(string query, bool inDatabase, CancellationToken cancellationToken) =>
        SendAsync("truy vấn", Math.Min(_options.MaxRetries, 2), node =>
        {
            // Chunked: 1.x applies max-row-limit only to answers that are not, and marks a long series of an unchunked
            // answer partial although it is whole (influxd 1.6 past 10,000 rows). The chunks are joined when parsed.
            var form = new List<KeyValuePair<string, string>> { new("q", query), new("epoch", "ms"), new("chunked", "true"), new("chunk_size", ChunkRows) };
            if (inDatabase)
            {
                form.Add(new("db", _options.Database));
            }

            // MessagePack: influxd 1.6 spends half the CPU encoding it that JSON costs, and it needs no number parsing
            // here. A server that does not offer it answers JSON, and the answer is read by its Content-Type.
            var request = new HttpRequestMessage(HttpMethod.Post, node.QueryUri) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(InfluxReply.MessagePackMediaType));
            return request;
        }, cancellationToken);

    /// <summary>
    /// Runs InfluxQL and parses the answer. A non-200 status or unreadable JSON throws; errors of single
    /// statements (which 1.x reports under HTTP 200) are left to the caller to judge. With <paramref name="rows"/>,
    /// rows are handed to it as they are read and not kept (<see cref="InfluxQueryResponse.Parse(ReadOnlySpan{byte}, InfluxRowHandler?)"/>).
    /// </summary>
    public async Task<List<InfluxStatementResult>> RunQueryAsync(string query, bool inDatabase, CancellationToken cancellationToken, InfluxRowHandler? rows = null)
    {
        var reply = await QueryAsync(query, inDatabase, cancellationToken);
        if (reply.Status != HttpStatusCode.OK)
        {
            throw Refused("truy vấn", reply);
        }

        try
        {
            return reply.MessagePack ? InfluxMessagePackResponse.Parse(reply.Body, rows) : InfluxQueryResponse.Parse(reply.Body.Span, rows);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or MessagePack.MessagePackSerializationException or EndOfStreamException)
        {
            throw new TimeSeriesStoreException(
                $"InfluxDB tại {reply.Server} trả lời truy vấn không đọc được: {ex.Message} ({(reply.MessagePack ? $"MessagePack, {reply.Body.Length} byte" : InfluxReply.Describe(reply.Body))})", isTransient: false, statusCode: reply.Code, inner: ex);
        }
        finally
        {
            // What was parsed holds strings and numbers, nothing of the body: its array serves the next answer.
            reply.Release();
        }
    }

    /// <summary><c>CREATE DATABASE</c> (idempotent on 1.x) for a server that answered "database not found".</summary>
    public async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var results = await RunQueryAsync(InfluxQl.CreateDatabase(_options.Database, _options.ShardDuration), inDatabase: false, cancellationToken);
        if (results.Find(r => r.Error is not null) is { } failed)
        {
            throw new TimeSeriesStoreException(
                $"InfluxDB tại {BaseUri} không tạo được cơ sở dữ liệu '{_options.Database}': {failed.Error}", isTransient: false);
        }

        _logger.LogInformation("InfluxDB {Url}: chưa có cơ sở dữ liệu {Database}, đã tạo (shard {ShardDuration})", BaseUri, _options.Database,
            string.IsNullOrEmpty(_options.ShardDuration) ? "mặc định của máy chủ" : _options.ShardDuration);
    }

    /// <summary>
    /// Pings every node once, without retry or failover (a health check reports the state now); a node's answer
    /// or failure also tells the failover whether to use it.
    /// </summary>
    public async Task<IReadOnlyList<InfluxNodeHealth>> PingAllAsync(CancellationToken cancellationToken)
    {
        var tasks = _nodes.All.Select(async node =>
        {
            var (reply, problem, _) = await TryOnceAsync(node, () => new HttpRequestMessage(HttpMethod.Get, node.PingUri), cancellationToken);
            if (reply is { Code: 200 or 204 })
            {
                _nodes.Answered(node);
                return new InfluxNodeHealth(node.BaseUri, true, null);
            }

            problem ??= $"HTTP {reply!.Value.Code} {reply.Value.Reason}: {reply.Value.ServerMessage}";
            if (reply is null || InfluxRetryPolicy.IsTransient(reply.Value))
            {
                _nodes.Failed(node, problem, next: null);
            }

            return new InfluxNodeHealth(node.BaseUri, false, problem, reply?.Code);
        });
        return await Task.WhenAll(tasks);
    }

    /// <summary>The exception for an answer that retrying cannot change.</summary>
    public static TimeSeriesStoreException Refused(string operation, InfluxReply reply) => new(
        $"InfluxDB tại {reply.Server} từ chối {operation}: HTTP {reply.Code} {reply.Reason}: {reply.ServerMessage}",
        isTransient: false,
        statusCode: reply.Code);

    private async Task<InfluxReply> SendAsync(string operation, int maxRetries, Func<InfluxNode, HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            var problems = new List<string>();
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception? error = null;
            var candidates = _nodes.Candidates();
            for (int i = 0; i < candidates.Count; i++)
            {
                var node = candidates[i];
                var (reply, problem, exception) = await TryOnceAsync(node, () => createRequest(node), cancellationToken);
                if (reply is { } answer && !InfluxRetryPolicy.IsTransient(answer))
                {
                    _nodes.Answered(node);
                    return answer;
                }

                if (reply is { Code: 429 } busy)
                {
                    // A busy node answered: wait as it asks instead of moving its load onto the others.
                    status = busy.Code;
                    retryAfter = busy.RetryAfter;
                    string busyText = $"HTTP 429 {busy.Reason}: {busy.ServerMessage}";
                    problems.Add(_nodes.IsCluster ? $"{node.BaseUri}: {busyText}" : busyText);
                    break;
                }

                problem ??= $"HTTP {reply!.Value.Code} {reply.Value.Reason}: {reply.Value.ServerMessage}";
                status = reply?.Code;
                retryAfter = reply?.RetryAfter;
                error = exception;
                problems.Add(_nodes.IsCluster ? $"{node.BaseUri}: {problem}" : problem);
                _nodes.Failed(node, problem, i + 1 < candidates.Count ? candidates[i + 1] : null);
            }

            string problemText = string.Join("; ", problems);
            string where = string.Join(", ", candidates.Select(n => n.BaseUri));
            if (attempt >= maxRetries)
            {
                string tries = maxRetries == 0 ? "" : $" sau {attempt + 1} lần thử";
                throw new TimeSeriesStoreException(
                    $"InfluxDB tại {where} không {operation} được{tries}: {problemText}", isTransient: true, statusCode: status, inner: error);
            }

            var delay = _retry.Delay(attempt, retryAfter);
            _logger.LogWarning(
                "InfluxDB tại {Url} không {Operation} được ({Problem}); thử lại lần {Retry}/{MaxRetries} sau {DelayMs} ms",
                where, operation, problemText, attempt + 1, maxRetries, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    /// <summary>One request to one node: a reply, or what kept it from coming (network error, timeout).</summary>
    private async Task<(InfluxReply? Reply, string? Problem, Exception? Error)> TryOnceAsync(
        InfluxNode node, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = createRequest();
            request.Headers.Authorization = _auth;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var (body, length) = await ReadBodyAsync(response.Content, linked.Token);
            bool messagePack = string.Equals(response.Content.Headers.ContentType?.MediaType, InfluxReply.MessagePackMediaType, StringComparison.OrdinalIgnoreCase);
            return (new InfluxReply(response.StatusCode, response.ReasonPhrase ?? "", body.AsMemory(0, length), node.BaseUri, _retry.RetryAfter(response.Headers.RetryAfter), messagePack)
            {
                Rented = body,
            }, null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, ex.InnerException is { } cause ? $"lỗi mạng: {ex.Message} {cause.Message}" : $"lỗi mạng: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"quá thời gian chờ {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s", ex);
        }
    }

    /// <summary>
    /// The body, read into an array of the shared pool that grows as it fills (a chunked answer declares no length): a
    /// national query's answer is megabytes, and a new array for each, twice over while it was buffered, was most of what
    /// the dashboard's reads allocated (issue #13). The array goes back to the pool when the answer is parsed.
    /// </summary>
    private const int FirstBufferLimit = 16 << 20;

    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var pool = ArrayPool<byte>.Shared;
        long? declared = content.Headers.ContentLength;
        // One byte more than declared, so a body of the declared length is seen to end without growing the array; a declared
        // length is believed up to 16 MB, and the array grows past it only as bytes arrive.
        byte[] buffer = pool.Rent(declared is >= 0 and < FirstBufferLimit ? (int)declared + 1 : declared is null ? 16 * 1024 : FirstBufferLimit);
        int length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= Array.MaxLength)
                    {
                        throw new IOException($"câu trả lời dài hơn {Array.MaxLength:N0} byte");
                    }

                    byte[] bigger = pool.Rent(length <= Array.MaxLength / 2 ? length * 2 : Array.MaxLength);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    pool.Return(buffer);
                    buffer = bigger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }
}
