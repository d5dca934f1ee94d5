using Microsoft.Extensions.Logging;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// The configured nodes in order, which of them to try now, and the log lines of failover: which node failed,
/// which took over, which answers again. With one node there is nothing to choose and nothing is logged here.
/// </summary>
internal sealed class InfluxNodeSet
{
    private readonly InfluxNode[] _nodes;
    private readonly InfluxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private InfluxNode _current;

    public InfluxNodeSet(IEnumerable<Uri> urls, InfluxOptions options, TimeProvider time, ILogger logger)
    {
        _nodes = [.. urls.Select(u => new InfluxNode(u, options)).DistinctBy(n => n.BaseUri)];
        if (_nodes.Length == 0)
        {
            throw new InvalidOperationException($"Chưa cấu hình địa chỉ InfluxDB: đặt {InfluxOptions.Section}:Url hoặc {InfluxOptions.Section}:Urls.");
        }

        _options = options;
        _time = time;
        _logger = logger;
        _current = _nodes[0];
    }

    public IReadOnlyList<InfluxNode> All => _nodes;

    /// <summary>More than one node: failures move requests and are remembered.</summary>
    public bool IsCluster => _nodes.Length > 1;

    /// <summary>The node that answered last (the first one until then).</summary>
    public InfluxNode Current => Volatile.Read(ref _current);

    /// <summary>
    /// Nodes to try now: those not being skipped, in configured order; when every node is being skipped, all of
    /// them, the one whose back-off ends first leading (the request has to go somewhere).
    /// </summary>
    public List<InfluxNode> Candidates()
    {
        var now = _time.GetUtcNow();
        var available = _nodes.Where(n => n.IsAvailable(now)).ToList();
        return available.Count > 0 ? available : [.. _nodes.OrderBy(n => n.SkipUntil)];
    }

    public void Answered(InfluxNode node)
    {
        if (node.MarkAnswered() && IsCluster)
        {
            _logger.LogInformation("InfluxDB {Url} trả lời lại", node.BaseUri);
        }

        var previous = Interlocked.Exchange(ref _current, node);
        if (previous != node && IsCluster)
        {
            _logger.LogWarning("InfluxDB: {Url} tiếp nhận yêu cầu thay cho {Previous}", node.BaseUri, previous.BaseUri);
        }
    }

    /// <summary>Skips a node that did not answer (network error, timeout, 5xx); <paramref name="next"/> is the one tried instead.</summary>
    public void Failed(InfluxNode node, string problem, InfluxNode? next)
    {
        if (!IsCluster)
        {
            return;
        }

        var backoff = node.MarkFailed(problem, _time.GetUtcNow(), _options.FailedNodeRetryDelay);
        _logger.LogWarning(
            "InfluxDB {Url} không trả lời ({Problem}); bỏ qua nút này {BackoffSeconds} s, chuyển sang {Next}",
            node.BaseUri, problem, (long)backoff.TotalSeconds, next?.BaseUri.ToString() ?? "(không còn nút nào khác)");
    }
}
