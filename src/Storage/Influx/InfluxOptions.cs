using System.ComponentModel.DataAnnotations;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Settings of the InfluxDB store. The same settings reach InfluxDB 1.x, 2.x and 3.x, because the store
/// only uses the <c>/write</c>, <c>/query</c> and <c>/ping</c> endpoints every version serves.
/// Cross-field rules live in <see cref="InfluxOptionsValidator"/>.
/// </summary>
public sealed class InfluxOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Storage:Influx";

    /// <summary>
    /// Server address, for example <c>http://influxdb:8086</c>. When empty the store uses the
    /// <see cref="HttpClient.BaseAddress"/> of its HTTP client; one of the two must be set.
    /// Credentials never go in the URL: use <see cref="Username"/>, <see cref="Password"/> or <see cref="Token"/>.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// More server addresses: data nodes of one InfluxDB Enterprise cluster, or InfluxDB 3 Enterprise nodes
    /// sharing one object store. <see cref="Url"/>, when set, comes first. Writes and queries go to the first
    /// node that answers; one that stops answering (connection refused, timeout, 5xx) is skipped for
    /// <see cref="FailedNodeRetryDelay"/>, doubled for each failure in a row. The nodes must share their data:
    /// reads are not merged across nodes.
    /// </summary>
    public IList<string> Urls { get; } = new List<string>();

    /// <summary>How long a node that stopped answering is skipped before it is tried again (doubles up to 10 minutes while it keeps failing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Storage:Influx:FailedNodeRetryDelay phải trong khoảng 0–1 giờ.")]
    public TimeSpan FailedNodeRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Database (1.x), or bucket mapped to a database (2.x), or database (3.x).</summary>
    [Required(ErrorMessage = "Storage:Influx:Database phải có tên cơ sở dữ liệu.")]
    public string Database { get; set; } = "kpimonitor";

    /// <summary>
    /// Retention policy for writes (1.x and 2.x DBRP mappings). Leave empty on InfluxDB 3, which would
    /// create a separate database named <c>database/rp</c> instead.
    /// </summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>User name for HTTP Basic authentication (1.x users; any non-empty text when a token is used).</summary>
    public string? Username { get; set; }

    /// <summary>Password for HTTP Basic authentication (1.x). Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// API token (2.x, 3.x). Sent as the Basic-authentication password, which every version accepts;
    /// the user name then defaults to <c>kpimonitor</c>. Never logged.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>Most points per HTTP request; 5,000 is InfluxData's recommended batch for 1.x.</summary>
    [Range(1, 100_000, ErrorMessage = "Storage:Influx:BatchSize phải trong khoảng 1–100000.")]
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// Compress request bodies with gzip (fastest level): our line protocol shrinks about tenfold, which
    /// matters to a remote server. On loopback the storage benchmark found no throughput cost: about 1 µs of
    /// client CPU per point against some 30 µs the server spends storing it, so one default serves both.
    /// </summary>
    public bool Gzip { get; set; } = true;

    /// <summary>
    /// How many batches of one write may be in flight at once. Two let the server parse one batch while it
    /// syncs the previous one to its WAL (storage benchmark, 2 cores: 1.1× the throughput of sequential raw
    /// requests with two, 0.7–1.0× with one). Points in different batches never share a key, so their
    /// order does not matter.
    /// </summary>
    [Range(1, 16, ErrorMessage = "Storage:Influx:MaxConcurrentBatches phải trong khoảng 1–16.")]
    public int MaxConcurrentBatches { get; set; } = 2;

    /// <summary>
    /// Retries of one request after a 429, a 5xx, a network error or a timeout. With several <see cref="Urls"/>, one
    /// try goes through the nodes in turn; the retry (after the delay) starts again from the first node not skipped.
    /// </summary>
    [Range(0, 20, ErrorMessage = "Storage:Influx:MaxRetries phải trong khoảng 0–20.")]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Upper bound of the first retry delay; later ones double (full jitter picks a random delay below the bound).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Storage:Influx:FirstRetryDelay phải trong khoảng 0–10 phút.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two tries, also when the server asks for more with <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Storage:Influx:MaxRetryDelay phải trong khoảng 0–10 phút.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for one HTTP request, including reading the answer; a timeout is retried like a network
    /// error. The HTTP client's own <see cref="HttpClient.Timeout"/> (100 s by default) still applies on top, to the wait
    /// for the answer's headers (the body is read after them, under this timeout alone).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Storage:Influx:Timeout phải trong khoảng 1 ms – 1 giờ.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When a 1.x server answers "database not found", run <c>CREATE DATABASE</c> once and write again,
    /// so a fresh server needs no manual step. Turn off when the account may not create databases.
    /// </summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>
    /// Shard group duration of a database KpiMonitor creates (<see cref="CreateDatabase"/>), an InfluxQL duration such as
    /// <c>208w</c>; empty leaves the server's default (7 days for a database kept forever). Figures are stamped at the
    /// start of their day or month, so a series has one point a month: with 7-day shards a 24-month read of every unit opens
    /// about 100 shards per series, and influxd 1.6 spent 35 s of CPU reading the nation's 26 KPIs (4,206 units) against
    /// 12 s with 208-week shards. InfluxData advises shard groups twice the longest usual query (24 months here) and longer
    /// ones for sparse history. It applies when the database is created; see the README for an existing one.
    /// </summary>
    [RegularExpression("^(" + InfluxQl.ShardDurationPattern + ")?$", ErrorMessage = "Storage:Influx:ShardDuration phải là một khoảng thời gian InfluxQL như 208w, 365d hoặc để trống.")]
    public string ShardDuration { get; set; } = DefaultShardDuration;

    /// <summary>Four years: twice the dashboard's 24-month window.</summary>
    public const string DefaultShardDuration = "208w";

    /// <summary><see cref="Url"/> then <see cref="Urls"/>, blanks and repeats left out.</summary>
    internal IReadOnlyList<string> ServerUrls() =>
        [.. new[] { Url }.Concat(Urls).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
