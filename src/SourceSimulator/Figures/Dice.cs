namespace KpiMonitor.SourceSimulator.Figures;

/// <summary>
/// A tiny deterministic generator (SplitMix64). Every figure is drawn from a dice seeded by a hash of
/// (seed, unit, system, month, record), so any single figure can be produced on its own, in any
/// order, and is the same on every run and every machine; <see cref="Random"/> promises neither.
/// </summary>
internal struct Dice(ulong state)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state = state;

    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b + Golden));

    public static ulong Combine(ulong a, ulong b, ulong c) => Combine(Combine(a, b), c);

    public static ulong Combine(ulong a, ulong b, ulong c, ulong d) => Combine(Combine(a, b, c), d);

    /// <summary>FNV-1a over the UTF-16 code units: stable across runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Hash(string text)
    {
        ulong h = 0xCBF29CE484222325;
        foreach (char c in text)
        {
            h = (h ^ c) * 0x100000001B3;
        }

        return Mix(h);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Next()
    {
        _state += Golden;
        return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }

    public double Between(double low, double high) => low + ((high - low) * Next());

    /// <summary>Log-uniform: as many units between 100 and 200 as between 200 and 400.</summary>
    public double LogBetween(double low, double high) => low * Math.Pow(high / low, Next());

    /// <summary>Uniform in [-amplitude, amplitude).</summary>
    public double Noise(double amplitude) => ((Next() * 2) - 1) * amplitude;

    public bool Chance(double probability) => Next() < probability;
}
