using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Sign-in attempts per account name and minute (<c>Auth:LoginAttemptsPerMinute</c>): guessing one person's password
/// is slowed down, while colleagues signing in from the same office address are not turned away because of it.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int permits = options.Value.LoginAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>False when this name has used up its attempts for the minute.</summary>
    public bool TryAttempt(string? username)
    {
        using var lease = _limiter.AttemptAcquire((username ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
