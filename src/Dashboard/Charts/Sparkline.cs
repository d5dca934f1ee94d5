using ScottPlot;

namespace KpiMonitor.Dashboard.Charts;

// The tiny trend on a KPI tile: no axes, no text, transparent so it sits on any tile colour.
public static class Sparkline
{
    public static byte[] Png(IReadOnlyList<ChartPoint> points, double? target, int width = 160, int height = 48)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.Period).ToList();
        using var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;

        if (target is { } t && double.IsFinite(t))
        {
            plot.Add.HorizontalLine(t, 1.5f, ChartStyle.TargetColor, LinePattern.Dashed);
        }

        var run = new List<Coordinates>();
        for (var i = 0; i <= ordered.Count; i++)
        {
            if (i < ordered.Count && ordered[i].Value is { } v && double.IsFinite(v))
            {
                run.Add(new Coordinates(i, v));
                continue;
            }

            if (run.Count > 0)
            {
                var scatter = plot.Add.ScatterLine(run.ToArray(), ChartStyle.ValueColor);
                scatter.LineWidth = 2f;
                scatter.MarkerSize = run.Count == 1 ? 4f : 0f;
                scatter.MarkerShape = MarkerShape.FilledCircle;
                run.Clear();
            }
        }

        var last = ordered.FindLastIndex(p => p.Value is { } v && double.IsFinite(v));
        if (last >= 0)
        {
            plot.Add.Marker(last, ordered[last].Value!.Value, MarkerShape.FilledCircle, 5f, ChartStyle.ValueColor);
        }

        var range = ValueRange.Of(ordered.Select(p => p.Value ?? double.NaN).Append(target ?? double.NaN), false);
        plot.Axes.SetLimitsY(range.Min, range.Max);
        plot.Axes.SetLimitsX(-0.4, Math.Max(ordered.Count - 1, 1) + 0.4);
        plot.Layout.Frameless();
        plot.HideGrid();
        return ChartStyle.Png(plot, width, height);
    }
}
