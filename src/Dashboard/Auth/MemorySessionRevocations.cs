namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Revoked sessions in memory, each kept until its cookies have expired. The number kept is capped: when full,
/// expired entries go first; if that is not enough, the sessions that started earliest are dropped and every
/// session started before the last one dropped is refused from then on. So the cap can sign people out early
/// (they sign in again), never let a revoked cookie back in.
/// </summary>
public sealed class MemorySessionRevocations(TimeProvider time) : ISessionRevocations
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, (DateTimeOffset Started, DateTimeOffset Until)> _revoked = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _refusedUpTo = DateTimeOffset.MinValue;

    public ValueTask RevokeAsync(string sessionId, DateTimeOffset started, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_revoked.ContainsKey(sessionId) && _revoked.Count >= Capacity)
            {
                MakeRoom();
            }

            _revoked[sessionId] = (started, until);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsRevokedAsync(string sessionId, DateTimeOffset started, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(started <= _refusedUpTo || _revoked.ContainsKey(sessionId));
        }
    }

    private void MakeRoom()
    {
        var now = time.GetUtcNow();
        foreach (string id in _revoked.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
        {
            _revoked.Remove(id);
        }

        if (_revoked.Count < Capacity)
        {
            return;
        }

        foreach (var (id, entry) in _revoked.OrderBy(p => p.Value.Started).Take(Capacity / 10).ToList())
        {
            _revoked.Remove(id);
            _refusedUpTo = entry.Started > _refusedUpTo ? entry.Started : _refusedUpTo;
        }
    }
}
