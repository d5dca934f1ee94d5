namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Sessions ended by signing out, checked on every request that carries a sign-in cookie, so a copy of the cookie
/// taken before sign-out opens nothing afterwards. The dashboard uses <see cref="StoreSessionRevocations"/>, shared by
/// every replica through the store (ADR 016).
/// </summary>
public interface ISessionRevocations
{
    /// <summary>Refuses the session from now until <paramref name="until"/> (when every cookie of it has expired).</summary>
    ValueTask RevokeAsync(string sessionId, DateTimeOffset started, DateTimeOffset until, CancellationToken cancellationToken);

    ValueTask<bool> IsRevokedAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken);
}
