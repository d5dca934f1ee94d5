namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Sessions ended by signing out, checked on every request that carries a sign-in cookie, so a copy of the cookie
/// taken before sign-out opens nothing afterwards. The in-memory store serves one dashboard process; several
/// replicas behind one address need a store they share (README, security).
/// </summary>
public interface ISessionRevocations
{
    /// <summary>Refuses the session from now until <paramref name="until"/> (when every cookie of it has expired).</summary>
    ValueTask RevokeAsync(string sessionId, DateTimeOffset started, DateTimeOffset until, CancellationToken cancellationToken);

    ValueTask<bool> IsRevokedAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken);
}
