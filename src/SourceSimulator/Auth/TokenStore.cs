using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace KpiMonitor.SourceSimulator.Auth;

/// <summary>
/// Opaque bearer tokens of the simulated Keycloak realm. Expiry follows the simulator's
/// <see cref="TimeProvider"/>, so a test can age tokens by advancing a fake clock.
/// </summary>
public sealed class TokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private long _issued;

    /// <summary>Tokens handed out since start.</summary>
    public long Issued => Interlocked.Read(ref _issued);

    public TimeSpan Lifetime => lifetime;

    /// <summary>Tokens that would still be accepted now.</summary>
    public int Active
    {
        get
        {
            var now = time.GetUtcNow();
            return _tokens.Count(t => t.Value > now);
        }
    }

    /// <summary>Creates a token valid for <see cref="Lifetime"/> from now.</summary>
    public string Issue()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _tokens.Where(t => t.Value <= now - lifetime))
        {
            _tokens.TryRemove(stale.Key, out _);
        }

        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = now + lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public TokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out var expires))
        {
            return TokenCheck.Unknown;
        }

        return expires > time.GetUtcNow() ? TokenCheck.Valid : TokenCheck.Expired;
    }

    /// <summary>Forgets a token, so its next use is answered 401.</summary>
    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    /// <summary>Forgets every token (as if the realm restarted).</summary>
    public void RevokeAll() => _tokens.Clear();
}
