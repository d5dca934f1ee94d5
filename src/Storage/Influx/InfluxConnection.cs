using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KpiMonitor.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// HTTP to one InfluxDB server: addresses, credentials, per-request timeout, and retries of what may pass
/// (429, 5xx, network errors, timeouts) with exponential backoff, full jitter and <c>Retry-After</c>.
/// What a status means for a write or a query is decided by the callers.
/// </summary>
internal sealed class InfluxConnection
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InfluxRetryPolicy _retry;
    private readonly AuthenticationHeaderValue? _auth;
    private readonly Uri _writeUri;
    private readonly Uri _writeNanosecondsUri;
    private readonly Uri _queryUri;
    private readonly Uri _pingUri;

    public InfluxConnection(HttpClient http, InfluxOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _retry = new InfluxRetryPolicy(options, time);

        // The typed client's own BaseAddress wins, as with any typed client; the option fills the gap.
        var configured = http.BaseAddress ?? (string.IsNullOrWhiteSpace(options.Url) ? null : new Uri(options.Url, UriKind.Absolute));
        if (configured is null)
        {
            throw new InvalidOperationException($"Chưa cấu hình địa chỉ InfluxDB: đặt {InfluxOptions.Section}:Url.");
        }

        // Credentials never travel in the URL, so the address is safe to show in logs and messages.
        var builder = new UriBuilder(configured) { UserName = "", Password = "", Query = "", Fragment = "" };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        BaseUri = builder.Uri;
        string rp = string.IsNullOrEmpty(options.RetentionPolicy) ? "" : "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
        _writeUri = new Uri(BaseUri, $"write?db={Uri.EscapeDataString(options.Database)}{rp}&precision=ms");
        _writeNanosecondsUri = new Uri(BaseUri, $"write?db={Uri.EscapeDataString(options.Database)}{rp}&precision=ns");
        _queryUri = new Uri(BaseUri, "query");
        _pingUri = new Uri(BaseUri, "ping");

        string? secret = !string.IsNullOrEmpty(options.Token) ? options.Token : options.Password;
        if (!string.IsNullOrEmpty(secret))
        {
            string user = string.IsNullOrEmpty(options.Username) ? "kpimonitor" : options.Username;
            _auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));
        }
    }

    /// <summary>The server address without credentials, query or fragment.</summary>
    public Uri BaseUri { get; }

    /// <summary>Writes line protocol; timestamps are milliseconds, or nanoseconds when <paramref name="nanoseconds"/> is set.</summary>
    public Task<InfluxReply> WriteAsync(ReadOnlyMemory<byte> body, bool gzipped, bool nanoseconds, CancellationToken cancellationToken) =>
        SendAsync("ghi dữ liệu", _options.MaxRetries, () =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            if (gzipped)
            {
                content.Headers.ContentEncoding.Add("gzip");
            }

            return new HttpRequestMessage(HttpMethod.Post, nanoseconds ? _writeNanosecondsUri : _writeUri) { Content = content };
        }, cancellationToken);

    /// <summary>
    /// Runs InfluxQL. Readers are interactive (a dashboard page waits), so they get at most two retries
    /// whatever <see cref="InfluxOptions.MaxRetries"/> allows the collector's writes.
    /// </summary>
    private Task<InfluxReply> QueryAsync(string query, bool inDatabase, CancellationToken cancellationToken) =>
        SendAsync("truy vấn", Math.Min(_options.MaxRetries, 2), () =>
        {
            var form = new List<KeyValuePair<string, string>> { new("q", query), new("epoch", "ms") };
            if (inDatabase)
            {
                form.Add(new("db", _options.Database));
            }

            return new HttpRequestMessage(HttpMethod.Post, _queryUri) { Content = new FormUrlEncodedContent(form) };
        }, cancellationToken);

    /// <summary>
    /// Runs InfluxQL and parses the answer. A non-200 status or unreadable JSON throws; errors of single
    /// statements (which 1.x reports under HTTP 200) are left to the caller to judge.
    /// </summary>
    public async Task<List<InfluxStatementResult>> RunQueryAsync(string query, bool inDatabase, CancellationToken cancellationToken)
    {
        var reply = await QueryAsync(query, inDatabase, cancellationToken);
        if (reply.Status != HttpStatusCode.OK)
        {
            throw Refused("truy vấn", reply);
        }

        try
        {
            return InfluxQueryResponse.Parse(reply.Body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new TimeSeriesStoreException(
                $"InfluxDB tại {BaseUri} trả lời truy vấn không đọc được: {ex.Message} ({InfluxReply.Describe(reply.Body)})", isTransient: false, statusCode: reply.Code, inner: ex);
        }
    }

    /// <summary><c>CREATE DATABASE</c> (idempotent on 1.x) for a server that answered "database not found".</summary>
    public async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var results = await RunQueryAsync($"CREATE DATABASE {InfluxQl.Identifier(_options.Database)}", inDatabase: false, cancellationToken);
        if (results.Find(r => r.Error is not null) is { } failed)
        {
            throw new TimeSeriesStoreException(
                $"InfluxDB tại {BaseUri} không tạo được cơ sở dữ liệu '{_options.Database}': {failed.Error}", isTransient: false);
        }

        _logger.LogInformation("InfluxDB {Url}: chưa có cơ sở dữ liệu {Database}, đã tạo", BaseUri, _options.Database);
    }

    /// <summary>One try, no retry: a health check reports the state now.</summary>
    public Task<InfluxReply> PingAsync(CancellationToken cancellationToken) =>
        SendAsync("kiểm tra kết nối", 0, () => new HttpRequestMessage(HttpMethod.Get, _pingUri), cancellationToken);

    /// <summary>The exception for an answer that retrying cannot change.</summary>
    public TimeSeriesStoreException Refused(string operation, InfluxReply reply) => new(
        $"InfluxDB tại {BaseUri} từ chối {operation}: HTTP {reply.Code} {reply.Reason}: {reply.ServerMessage}",
        isTransient: false,
        statusCode: reply.Code);

    private async Task<InfluxReply> SendAsync(string operation, int maxRetries, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            string problem;
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception? error = null;
            string endpoint = "";
            using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var request = createRequest();
                    endpoint = request.RequestUri!.AbsolutePath;
                    request.Headers.Authorization = _auth;
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                    byte[] body = await response.Content.ReadAsByteArrayAsync(linked.Token);
                    var reply = new InfluxReply(response.StatusCode, response.ReasonPhrase ?? "", body);
                    if (!InfluxRetryPolicy.IsTransient(reply))
                    {
                        return reply;
                    }

                    status = reply.Code;
                    retryAfter = _retry.RetryAfter(response.Headers.RetryAfter);
                    problem = $"HTTP {reply.Code} {reply.Reason}: {reply.ServerMessage}";
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    problem = ex.InnerException is { } cause ? $"lỗi mạng: {ex.Message} {cause.Message}" : $"lỗi mạng: {ex.Message}";
                    error = ex;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = $"quá thời gian chờ {_options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
                    error = ex;
                }
            }

            if (attempt >= maxRetries)
            {
                string tries = maxRetries == 0 ? "" : $" sau {attempt + 1} lần thử";
                throw new TimeSeriesStoreException(
                    $"InfluxDB tại {BaseUri} không {operation} được{tries}: {problem}", isTransient: true, statusCode: status, inner: error);
            }

            var delay = _retry.Delay(attempt, retryAfter);
            _logger.LogWarning(
                "InfluxDB {Endpoint} tại {Url} lỗi ({Problem}); thử lại lần {Retry}/{MaxRetries} sau {DelayMs} ms",
                endpoint, BaseUri, problem, attempt + 1, maxRetries, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }
}
