namespace KpiMonitor.Dashboard.Auth;

/// <summary>
/// Failures per key in fixed windows that start at a key's first failure, held in memory with a cap: random
/// names or addresses sent by a script cannot make it grow without bound. When full, expired windows go first,
/// then those nearest their end (the ones that would block for the shortest time).
/// </summary>
public sealed class FailureCounter(int capacity, TimeProvider time)
{
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>How long until the key may try again, when it has <paramref name="limit"/> failures or more in its window; null when it may.</summary>
    public TimeSpan? Blocked(string key, int limit)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _windows.TryGetValue(key, out var w) && w.Ends > now && w.Failures >= limit ? w.Ends - now : null;
        }
    }

    /// <summary>Whether the key has a window that has not ended (used for marks rather than counts).</summary>
    public bool Has(string key)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _windows.TryGetValue(key, out var w) && w.Ends > now;
        }
    }

    public void Add(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_windows.TryGetValue(key, out var w) && w.Ends > now)
            {
                _windows[key] = w with { Failures = w.Failures + 1 };
                return;
            }

            if (!_windows.ContainsKey(key) && _windows.Count >= capacity)
            {
                MakeRoom(now);
            }

            _windows[key] = new Window(1, now + window);
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            _windows.Remove(key);
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (string key in _windows.Where(p => p.Value.Ends <= now).Select(p => p.Key).ToList())
        {
            _windows.Remove(key);
        }

        if (_windows.Count >= capacity)
        {
            foreach (string key in _windows.OrderBy(p => p.Value.Ends).Take(Math.Max(1, capacity / 10)).Select(p => p.Key).ToList())
            {
                _windows.Remove(key);
            }
        }
    }

    private readonly record struct Window(int Failures, DateTimeOffset Ends);
}
