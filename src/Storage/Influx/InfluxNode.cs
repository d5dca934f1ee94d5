namespace KpiMonitor.Storage.Influx;

/// <summary>
/// One server address of the store (a single server, or one data node of a cluster) with its request
/// addresses and whether it is being skipped after failing: a node that stopped answering is left alone
/// for a back-off that doubles with each failure in a row, then tried again.
/// </summary>
internal sealed class InfluxNode
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _skipUntil = DateTimeOffset.MinValue;

    public InfluxNode(Uri configured, InfluxOptions options)
    {
        // Credentials never travel in the URL, so the address is safe to show in logs and messages.
        var builder = new UriBuilder(configured) { UserName = "", Password = "", Query = "", Fragment = "" };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        BaseUri = builder.Uri;
        string rp = string.IsNullOrEmpty(options.RetentionPolicy) ? "" : "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
        WriteUri = new Uri(BaseUri, $"write?db={Uri.EscapeDataString(options.Database)}{rp}&precision=ms");
        WriteNanosecondsUri = new Uri(BaseUri, $"write?db={Uri.EscapeDataString(options.Database)}{rp}&precision=ns");
        QueryUri = new Uri(BaseUri, "query");
        PingUri = new Uri(BaseUri, "ping");
    }

    /// <summary>The address without credentials, query or fragment.</summary>
    public Uri BaseUri { get; }

    public Uri WriteUri { get; }

    public Uri WriteNanosecondsUri { get; }

    public Uri QueryUri { get; }

    public Uri PingUri { get; }

    /// <summary>What went wrong the last time, while the node is failing; null once it answers again.</summary>
    public string? Problem { get; private set; }

    /// <summary>When the node may be tried again; past or <see cref="DateTimeOffset.MinValue"/> when it is not skipped.</summary>
    public DateTimeOffset SkipUntil
    {
        get
        {
            lock (_lock)
            {
                return _skipUntil;
            }
        }
    }

    public bool IsAvailable(DateTimeOffset now) => SkipUntil <= now;

    /// <summary>Records a failure; returns how long the node will be skipped.</summary>
    public TimeSpan MarkFailed(string problem, DateTimeOffset now, TimeSpan firstBackoff)
    {
        lock (_lock)
        {
            _failures = Math.Min(_failures + 1, 30);
            double ms = firstBackoff.TotalMilliseconds * Math.Pow(2, _failures - 1);
            var backoff = TimeSpan.FromMilliseconds(Math.Min(ms, Math.Max(MaxBackoff.TotalMilliseconds, firstBackoff.TotalMilliseconds)));
            _skipUntil = now + backoff;
            Problem = problem;
            return backoff;
        }
    }

    /// <summary>Records an answer; returns true when the node had been failing.</summary>
    public bool MarkAnswered()
    {
        lock (_lock)
        {
            bool wasFailing = _failures > 0;
            _failures = 0;
            _skipUntil = DateTimeOffset.MinValue;
            Problem = null;
            return wasFailing;
        }
    }
}
