using KpiMonitor.Shared.Storage;

namespace KpiMonitor.Storage.Influx;

/// <summary>One <c>source_activity</c> point: a source's delivery for one unit within one write call.</summary>
internal sealed record ActivityPoint(string Source, string Unit, long LatestPeriodMs, long ReceivedMs, long Points)
{
    /// <summary>Groups the points of one write by source and unit; received time is each observation's, or <paramref name="nowMs"/>.</summary>
    public static List<ActivityPoint> Summarise(IReadOnlyList<Observation> points, long nowMs)
    {
        var groups = new Dictionary<(string Source, string Unit), (long Latest, long Received, long Count)>();
        foreach (var o in points)
        {
            long time = o.Time.ToUnixTimeMilliseconds();
            long received = o.ReceivedAt?.ToUnixTimeMilliseconds() ?? nowMs;
            var key = (o.Source, o.Unit);
            groups[key] = groups.TryGetValue(key, out var g)
                ? (Math.Max(g.Latest, time), Math.Max(g.Received, received), g.Count + 1)
                : (time, received, 1);
        }

        return groups.Select(g => new ActivityPoint(g.Key.Source, g.Key.Unit, g.Value.Latest, g.Value.Received, g.Value.Count)).ToList();
    }
}
