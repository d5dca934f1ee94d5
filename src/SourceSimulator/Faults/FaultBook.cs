namespace KpiMonitor.SourceSimulator.Faults;

/// <summary>
/// The faults switched on, at most one per (endpoint, mode); several modes may be active on one
/// endpoint at once (for example slow and numbersAsStrings). Each answer a fault disturbs uses one of
/// its count; at zero it clears itself.
/// </summary>
public sealed class FaultBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Endpoint, FaultMode Mode), ActiveFault> _faults = [];
    private volatile int _count;

    /// <summary>Switches a fault on (replacing the same endpoint and mode).</summary>
    /// <param name="endpoint">One of <see cref="SimEndpoints.All"/>.</param>
    /// <param name="mode">The misbehaviour.</param>
    /// <param name="count">How many answers to disturb; null until <see cref="Clear"/>.</param>
    /// <param name="delayMs">For <see cref="FaultMode.Slow"/>: the delay before answering.</param>
    /// <exception cref="ArgumentException">The endpoint is unknown, the mode does not apply to it, or a number is out of range.</exception>
    public ActiveFault Set(string endpoint, FaultMode mode, int? count = null, int delayMs = 1000)
    {
        if (SimEndpoints.IndexOf(endpoint) < 0)
        {
            throw new ArgumentException($"Unknown endpoint '{endpoint}'; known: {string.Join(", ", SimEndpoints.All)}.", nameof(endpoint));
        }

        if (!FaultModes.AppliesTo(endpoint, mode))
        {
            throw new ArgumentException($"Mode '{FaultModes.Name(mode)}' does not apply to endpoint '{endpoint}'.", nameof(mode));
        }

        if (count is < 1)
        {
            throw new ArgumentException("count must be at least 1, or null for 'until cleared'.", nameof(count));
        }

        if (delayMs is < 0 or > 600_000)
        {
            throw new ArgumentException("delayMs must be between 0 and 600000.", nameof(delayMs));
        }

        var fault = new ActiveFault(endpoint, mode, count, mode == FaultMode.Slow ? delayMs : 0);
        lock (_lock)
        {
            _faults[(endpoint, mode)] = fault;
            _count = _faults.Count;
        }

        return fault;
    }

    /// <summary>Clears every fault, or those of one endpoint.</summary>
    public void Clear(string? endpoint = null)
    {
        lock (_lock)
        {
            foreach (var key in _faults.Keys.Where(k => endpoint is null || k.Endpoint == endpoint).ToList())
            {
                _faults.Remove(key);
            }

            _count = _faults.Count;
        }
    }

    /// <summary>The faults still active, with their remaining counts.</summary>
    public IReadOnlyList<ActiveFault> Active
    {
        get
        {
            lock (_lock)
            {
                return _faults.Values.OrderBy(f => SimEndpoints.IndexOf(f.Endpoint)).ThenBy(f => f.Mode).ToArray();
            }
        }
    }

    /// <summary>Uses one count of the fault if it is active; returns it (with its delay) or null.</summary>
    public ActiveFault? TryTake(string endpoint, FaultMode mode)
    {
        if (_count == 0)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_faults.TryGetValue((endpoint, mode), out var fault))
            {
                return null;
            }

            if (fault.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    _faults.Remove((endpoint, mode));
                }
                else
                {
                    _faults[(endpoint, mode)] = fault with { Remaining = remaining - 1 };
                }

                _count = _faults.Count;
            }

            return fault;
        }
    }
}
