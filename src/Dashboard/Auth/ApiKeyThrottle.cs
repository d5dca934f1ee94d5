using System.Net;
using Microsoft.Extensions.Options;

namespace KpiMonitor.Dashboard.Auth;

/// <summary>Wrong API keys per address and minute (<c>Auth:ApiKeyFailuresPerMinutePerAddress</c>), in bounded memory.</summary>
public sealed class ApiKeyThrottle(IOptions<AuthOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly FailureCounter _failures = new(SignInThrottle.Capacity, time);

    public TimeSpan? Refusal(IPAddress? address) => _failures.Blocked(Key(address), options.Value.ApiKeyFailuresPerMinutePerAddress);

    public void Failed(IPAddress? address) => _failures.Add(Key(address), Window);

    private static string Key(IPAddress? address) => address?.ToString() ?? "?";
}
