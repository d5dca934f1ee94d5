using System.Collections.Concurrent;

namespace KpiMonitor.Alerts.Delivery;

/// <summary>The digests that are failing now, one entry per digest until it gets through; read by the alerts page and health checks.</summary>
public sealed class DeliveryFailures
{
    private readonly ConcurrentDictionary<string, DeliveryFailure> _failures = new(StringComparer.Ordinal);

    /// <summary>The current failures, newest first.</summary>
    public IReadOnlyList<DeliveryFailure> Snapshot() => [.. _failures.Values.OrderByDescending(f => f.At)];

    internal int AttemptsSoFar(string digestId) => _failures.TryGetValue(digestId, out var f) ? f.Attempts : 0;

    internal void Record(DeliveryFailure failure) => _failures[failure.DigestId] = failure;

    internal void Clear(string digestId) => _failures.TryRemove(digestId, out _);
}
