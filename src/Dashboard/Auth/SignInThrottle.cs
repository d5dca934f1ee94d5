using System.Net;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Limits password guessing without letting a stranger lock a colleague out. Only failed sign-ins count, in
/// windows of one minute, for three keys: one account from one address (<c>Auth:LoginAttemptsPerMinute</c>), one
/// address whatever the names (<c>Auth:LoginAttemptsPerMinutePerAddress</c>) and one account from all addresses
/// (<c>Auth:LoginFailuresPerMinutePerAccount</c>). The last one turns away only addresses the account has not
/// signed in from lately, so the person keeps signing in from their own office while guesses come from elsewhere.
/// A successful sign-in clears its account and address pair. Names are compared as <see cref="AccountName"/> does.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>Keys held at most per kind (failures, trusted pairs): about 100 bytes each, so a few MB in all.</summary>
    public const int Capacity = 50_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>How long an address stays trusted for an account after a sign-in from it.</summary>
    private static readonly TimeSpan TrustedFor = TimeSpan.FromDays(30);

    private readonly FailureCounter _failures = new(Capacity, time);
    private readonly FailureCounter _trusted = new(Capacity, time);

    /// <summary>How long to wait when this address or account has used up its failures; null when the attempt may go on.</summary>
    public TimeSpan? Refusal(IPAddress? address, string? username)
    {
        var auth = options.Value;
        var (from, account, pair) = Keys(address, username);
        return _failures.Blocked(from, auth.LoginAttemptsPerMinutePerAddress)
            ?? _failures.Blocked(pair, auth.LoginAttemptsPerMinute)
            ?? (_trusted.Has(pair) ? null : _failures.Blocked(account, Math.Max(auth.LoginFailuresPerMinutePerAccount, auth.LoginAttemptsPerMinute)));
    }

    public void Failed(IPAddress? address, string? username)
    {
        var (from, account, pair) = Keys(address, username);
        _failures.Add(from, Window);
        _failures.Add(pair, Window);
        _failures.Add(account, Window);
    }

    public void Succeeded(IPAddress? address, string? username)
    {
        var (_, _, pair) = Keys(address, username);
        _failures.Remove(pair);
        _trusted.Add(pair, TrustedFor);
    }

    private static (string From, string Account, string Pair) Keys(IPAddress? address, string? username)
    {
        string from = address?.ToString() ?? "?";
        string account = AccountName.Normalize(username);
        return ("a|" + from, "u|" + account, "p|" + from + "|" + account);
    }
}
