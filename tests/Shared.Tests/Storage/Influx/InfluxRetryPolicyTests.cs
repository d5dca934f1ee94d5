using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KpiMonitor.Storage.Influx;
using KpiMonitor.Testing;

namespace KpiMonitor.Shared.Tests.Storage.Influx;

public sealed class InfluxRetryPolicyTests
{
    private static readonly InfluxOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30) };

    [Fact]
    public void Delay_IsFullJitter_BelowADoublingBound_CappedByMaxRetryDelay()
    {
        var policy = new InfluxRetryPolicy(Options, TimeProvider.System);

        for (int attempt = 0; attempt < 10; attempt++)
        {
            double bound = Math.Min(30, Math.Pow(2, attempt));
            var delays = Enumerable.Range(0, 200).Select(_ => policy.Delay(attempt, null).TotalSeconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, bound));
            // Jitter, not a fixed wait: the spread covers most of the range.
            Assert.True(delays.Max() - delays.Min() > bound / 2, $"attempt {attempt}: {delays.Min()}–{delays.Max()}");
        }
    }

    [Fact]
    public void RetryAfter_InSecondsOrAsADate_IsHonoured_UpToTheCap()
    {
        var now = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var policy = new InfluxRetryPolicy(Options, new ManualClock(now));

        Assert.Equal(TimeSpan.FromSeconds(7), policy.Delay(0, policy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))));
        Assert.Equal(TimeSpan.FromSeconds(12), policy.Delay(3, policy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(12)))));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Delay(0, policy.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromHours(1)))));
        Assert.Equal(TimeSpan.Zero, policy.Delay(0, policy.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)))));
        Assert.Null(policy.RetryAfter(null));
    }

    [Theory]
    [InlineData(429, "{\"error\":\"too many\"}", true)]
    [InlineData(500, "{\"error\":\"timeout\"}", true)]
    [InlineData(503, "", true)]
    [InlineData(500, "{\"error\":\"retention policy not found: x\"}", false)]
    [InlineData(400, "{\"error\":\"partial write\"}", false)]
    [InlineData(401, "", false)]
    [InlineData(404, "{\"error\":\"database not found: \\\"x\\\"\"}", false)]
    public void OnlyRateLimitsAndServerTrouble_AreTransient(int status, string body, bool transient) =>
        Assert.Equal(transient, InfluxRetryPolicy.IsTransient(new InfluxReply((HttpStatusCode)status, "", Encoding.UTF8.GetBytes(body), new Uri("http://127.0.0.1:8086/"))));
}
