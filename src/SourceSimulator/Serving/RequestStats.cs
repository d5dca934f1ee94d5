using KpiMonitor.SourceSimulator.Faults;

namespace KpiMonitor.SourceSimulator.Serving;

/// <summary>Requests seen per endpoint, and how many of them were turned away unauthenticated.</summary>
public sealed class RequestStats
{
    private readonly long[] _requests = new long[SimEndpoints.All.Count];
    private readonly long[] _unauthorized = new long[SimEndpoints.All.Count];

    public long Requests(string endpoint) => Interlocked.Read(ref _requests[Index(endpoint)]);

    public long Unauthorized(string endpoint) => Interlocked.Read(ref _unauthorized[Index(endpoint)]);

    internal void CountRequest(string endpoint) => Interlocked.Increment(ref _requests[Index(endpoint)]);

    internal void CountUnauthorized(string endpoint) => Interlocked.Increment(ref _unauthorized[Index(endpoint)]);

    private static int Index(string endpoint)
    {
        int index = SimEndpoints.IndexOf(endpoint);
        return index >= 0 ? index : throw new ArgumentException($"Unknown endpoint '{endpoint}'.", nameof(endpoint));
    }
}
