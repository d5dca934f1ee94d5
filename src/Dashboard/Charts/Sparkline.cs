using System.Globalization;
using KpiMonitor.Charts;
using KpiMonitor.Shared.Periods;
using KpiMonitor.Shared.Text;
using ScottPlot;

namespace KpiMonitor.Dashboard.Charts;

// The tiny trend on a KPI tile: no axes, transparent so it sits on any tile colour. A short series (a yearly
// ranking's last few years) gets a marker on every figure, so separate yearly figures do not read as a curve;
// a yearly series starts at its first figure, not with empty years. A lone figure gets its period written
// beside it, because a dot alone looks like a rendering fault. The period in progress ends the line dashed, on a hollow
// marker, like the trend chart's.
public static class Sparkline
{
    private const int FewPeriods = 8;

    // About the width of a tile's inside on a 1024- to 1920-pixel screen, so the tile shows it at nearly its own size:
    // stretched to the tile, a narrower image turned its markers into ovals.
    public const int Width = 290;
    public const int Height = 48;

    public static byte[] Png(IReadOnlyList<ChartPoint> points, double? target, int width = Width, int height = Height) =>
        Png(points, target, PeriodGranularity.Month, Cultures.Vietnamese, width, height);

    public static byte[] Png(IReadOnlyList<ChartPoint> points, double? target, PeriodGranularity granularity, CultureInfo culture, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.Period).ToList();
        if (granularity == PeriodGranularity.Year)
        {
            ordered = ordered.SkipWhile(p => !Known(p)).ToList();
        }

        using var plot = new Plot();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;

        if (target is { } t && double.IsFinite(t))
        {
            plot.Add.HorizontalLine(t, 1.5f, ChartStyle.TargetColor, LinePattern.Dashed);
        }

        bool few = ordered.Count <= FewPeriods;
        var run = new List<Coordinates>();
        for (var i = 0; i <= ordered.Count; i++)
        {
            if (i < ordered.Count && Known(ordered[i]) && !ordered[i].InProgress)
            {
                run.Add(new Coordinates(i, ordered[i].Value!.Value));
                continue;
            }

            // The period in progress, as on the trend chart: a dashed step from the figure before it, so a
            // month-to-date count does not read as a fall; its hollow marker is drawn below with the last one.
            if (i < ordered.Count && Known(ordered[i]) && run.Count > 0 && run[^1].X == i - 1)
            {
                var step = plot.Add.ScatterLine(new[] { run[^1], new Coordinates(i, ordered[i].Value!.Value) }, ChartStyle.ValueColor);
                step.LineWidth = 2f;
                step.LinePattern = ChartStyle.ProvisionalPattern;
                step.MarkerSize = 0f;
            }

            if (run.Count > 0)
            {
                var scatter = plot.Add.ScatterLine(run.ToArray(), ChartStyle.ValueColor);
                scatter.LineWidth = 2f;
                scatter.MarkerSize = run.Count == 1 || few ? 4f : 0f;
                scatter.MarkerShape = MarkerShape.FilledCircle;
                run.Clear();
            }
        }

        var last = ordered.FindLastIndex(Known);
        if (last >= 0 && ordered[last].InProgress)
        {
            plot.Add.Marker(last, ordered[last].Value!.Value).MarkerStyle = ChartStyle.ProvisionalMarker(7f, 1.5f);
        }
        else if (last >= 0)
        {
            plot.Add.Marker(last, ordered[last].Value!.Value, MarkerShape.FilledCircle, 5f, ChartStyle.ValueColor);
        }

        bool lone = last >= 0 && ordered.Count(Known) == 1;
        if (lone)
        {
            var label = plot.Add.Text(PeriodAxis.Label(ordered[last].Period, granularity, culture), last, ordered[last].Value!.Value);
            bool right = ordered.Count == 1 || last < (ordered.Count - 1) / 2.0;
            label.LabelAlignment = right ? Alignment.MiddleLeft : Alignment.MiddleRight;
            label.LabelOffsetX = right ? 7 : -7;
            label.LabelFontSize = 11;
            label.LabelFontName = ChartStyle.FontName;
            label.LabelFontColor = ChartStyle.TextColor;
        }

        var range = ValueRange.Of(ordered.Select(p => p.Value ?? double.NaN).Append(target ?? double.NaN), false);
        // Five pixels to spare above and below, so a marker at either end of the range (a count of 0) is not cut in half.
        double room = (range.Max - range.Min) * 5.0 / height;
        plot.Axes.SetLimitsY(range.Min - room, range.Max + room);
        if (ordered.Count == 1)
        {
            // One period: the figure in the middle, with room for its label on the right.
            plot.Axes.SetLimitsX(-1, 1);
        }
        else
        {
            plot.Axes.SetLimitsX(-0.4, Math.Max(ordered.Count - 1, 1) + 0.4);
        }

        plot.Layout.Frameless();
        plot.HideGrid();
        return ChartStyle.Png(plot, width, height);
    }

    private static bool Known(ChartPoint point) => point.Value is { } v && double.IsFinite(v);
}
