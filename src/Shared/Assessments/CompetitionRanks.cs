using KpiMonitor.Shared.Kpis;

namespace KpiMonitor.Shared.Assessments;

/// <summary>
/// Standard competition ranking ("1224"): equal values share the best of their places and the next value skips
/// as many places as were shared, so 90, 80, 80, 70 rank 1, 2, 2, 4. 1 is best, honouring the KPI's direction
/// (neutral volumes rank largest first); units without a value get no rank.
/// </summary>
public static class CompetitionRanks
{
    /// <summary>The rank of every unit that has a finite value, by unit code.</summary>
    public static Dictionary<string, int> Of(Direction direction, IEnumerable<(string Unit, double? Value)> values)
    {
        var known = values.Where(v => v.Value is { } x && double.IsFinite(x)).Select(v => (v.Unit, Value: v.Value!.Value));
        var ordered = (direction == Direction.LowerIsBetter ? known.OrderBy(v => v.Value) : known.OrderByDescending(v => v.Value)).ToList();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Unit] = i > 0 && Tied(ordered[i - 1].Value, ordered[i].Value) ? ranks[ordered[i - 1].Unit] : i + 1;
        }

        return ranks;
    }

    // 12/12 and 50/50 are both exactly 100, but a ratio reached by another sum of parts may differ in its last bit.
    private static bool Tied(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
