using KpiMonitor.Shared.Kpis;
using KpiMonitor.Shared.Periods;

namespace KpiMonitor.Charts;

// One stretch of an unbroken target line: vertices of a step line in period coordinates, with the
// warning band's far edge beside each vertex. A null target breaks the line into several stretches.
internal sealed record TargetStep(IReadOnlyList<(double X, double Target, double BandEdge)> Vertices)
{
    public static IReadOnlyList<TargetStep> From(
        IReadOnlyList<TargetPoint> targets, PeriodGranularity granularity, Direction direction, int firstIndex, int lastIndex)
    {
        var sorted = targets
            .GroupBy(t => PeriodAxis.Index(t.Period, granularity))
            .Select(g => (Index: g.Key, Point: g.Last()))
            .OrderBy(t => t.Index)
            .ToList();

        var steps = new List<TargetStep>();
        var current = new List<(double, double, double)>();
        for (var k = 0; k < sorted.Count; k++)
        {
            var (index, point) = sorted[k];
            if (point.Target is not { } target || !double.IsFinite(target))
            {
                Flush();
                continue;
            }

            // Only the part inside the charted periods counts, so a target outside them cannot stretch the axes.
            var start = Math.Max(index, firstIndex);
            var end = Math.Min(k + 1 < sorted.Count ? sorted[k + 1].Index : int.MaxValue, lastIndex + 1);
            if (start >= end)
            {
                continue;
            }

            var band = double.IsFinite(point.WarningBand) ? Math.Abs(point.WarningBand) : 0;
            var edge = direction switch
            {
                Direction.HigherIsBetter => target - band,
                Direction.LowerIsBetter => target + band,
                _ => target, // a volume to watch has no side to warn on
            };
            current.Add((start - 0.5, target, edge));
            current.Add((end - 0.5, target, edge));
        }

        Flush();
        return steps;

        void Flush()
        {
            if (current.Count > 0)
            {
                steps.Add(new TargetStep(current.ToArray()));
                current.Clear();
            }
        }
    }

    public bool HasBand => Vertices.Any(v => v.BandEdge != v.Target);
}
