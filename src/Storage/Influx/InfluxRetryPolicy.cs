using System.Net.Http.Headers;

namespace KpiMonitor.Storage.Influx;

/// <summary>
/// Which answers are worth another try and how long to wait before it: the server's <c>Retry-After</c>
/// when given, else "full jitter" (a random wait below an exponentially growing bound, so clients that
/// failed together do not come back together); both capped by <see cref="InfluxOptions.MaxRetryDelay"/>.
/// </summary>
internal sealed class InfluxRetryPolicy(InfluxOptions options, TimeProvider time)
{
    /// <summary>
    /// 429 and 5xx may pass, except the 500 with which 1.x refuses a missing retention policy or database:
    /// waiting does not create them.
    /// </summary>
    public static bool IsTransient(InfluxReply reply) => reply.Code == 429 || (reply.Code >= 500 && !IsMissingTarget(reply.ServerMessage));

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null.</summary>
    public TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1 (attempt 0 is the first failure).</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var cap = options.MaxRetryDelay;
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > cap ? cap : asked;
        }

        double bound = Math.Min(cap.TotalMilliseconds, options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
#pragma warning disable CA5394 // Jitter spreads retries; it protects nothing.
        return TimeSpan.FromMilliseconds(bound * Random.Shared.NextDouble());
#pragma warning restore CA5394
    }

    private static bool IsMissingTarget(string message) =>
        message.StartsWith("retention policy not found", StringComparison.Ordinal) || message.StartsWith("database not found", StringComparison.Ordinal);
}
