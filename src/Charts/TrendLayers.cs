using System.Globalization;
using ScottPlot;

namespace KpiMonitor.Charts;

// The layers of a trend chart, bottom to top: warning band, target step line, value line (its period in progress last).
// Each returns its legend entry (or null when it drew nothing) so the legend keeps a fixed order.
internal static class TrendLayers
{
    public static LegendItem? AddBand(Plot plot, IReadOnlyList<TargetStep> steps, CultureInfo culture)
    {
        var drawn = false;
        foreach (var step in steps.Where(s => s.HasBand))
        {
            var fill = plot.Add.FillY(step.Vertices.Select(v => (v.X, v.Target, v.BandEdge)).ToList());
            fill.FillColor = ChartStyle.BandColor.WithAlpha(0.75);
            fill.LineWidth = 0;
            drawn = true;
        }

        return drawn
            ? new LegendItem
            {
                LabelText = ChartText.WarningBand(culture),
                FillColor = ChartStyle.BandColor,
                OutlineColor = ChartStyle.BandColor,
            }
            : null;
    }

    public static LegendItem? AddTarget(Plot plot, IReadOnlyList<TargetStep> steps, CultureInfo culture)
    {
        foreach (var step in steps)
        {
            var line = plot.Add.ScatterLine(
                step.Vertices.Select(v => v.X).ToArray(), step.Vertices.Select(v => v.Target).ToArray());
            line.Color = ChartStyle.TargetColor;
            line.LineWidth = 2.5f;
            line.LinePattern = LinePattern.Dashed;
        }

        return steps.Count == 0
            ? null
            : new LegendItem
            {
                LabelText = ChartText.Target(culture),
                LineColor = ChartStyle.TargetColor,
                LineWidth = 2.5f,
                LinePattern = LinePattern.Dashed,
            };
    }

    // Null values split the line into runs, so a missing month shows as a gap rather than a bridge. A period still
    // in progress leaves the run too: a month-to-date count drawn like a finished month reads as a collapse, so it gets
    // a dashed segment from the figure before it and a hollow marker, which tell it apart in greyscale print as well.
    public static (LegendItem? Value, LegendItem? InProgress) AddValues(Plot plot, IReadOnlyList<(int X, double? Value, bool InProgress)> points, CultureInfo culture)
    {
        var markerSize = points.Count switch { <= 40 => 7f, <= 120 => 4f, _ => 0f };
        var run = new List<(int X, double Y)>();
        var (drawn, provisional) = (false, false);
        (int X, double Y)? previous = null;
        foreach (var (x, value, inProgress) in points.Append((int.MaxValue, null, false)))
        {
            bool known = value is { } v && double.IsFinite(v);
            if (known && !inProgress)
            {
                run.Add((x, value!.Value));
                previous = (x, value.Value);
                continue;
            }

            if (run.Count > 0)
            {
                var line = plot.Add.Scatter(run.Select(p => (double)p.X).ToArray(), run.Select(p => p.Y).ToArray());
                line.Color = ChartStyle.ValueColor;
                line.LineWidth = 2.5f;
                line.MarkerShape = MarkerShape.FilledCircle;
                line.MarkerSize = run.Count == 1 ? Math.Max(markerSize, 7f) : markerSize;
                run.Clear();
                drawn = true;
            }

            if (known)
            {
                AddProvisional(plot, previous, (x, value!.Value));
                provisional = true;
            }

            previous = null;
        }

        var valueItem = !drawn ? null : new LegendItem
        {
            LabelText = ChartText.Value(culture),
            LineColor = ChartStyle.ValueColor,
            LineWidth = 2.5f,
            MarkerShape = MarkerShape.FilledCircle,
            MarkerSize = 7f,
            MarkerFillColor = ChartStyle.ValueColor,
            MarkerLineColor = ChartStyle.ValueColor,
        };
        var provisionalItem = !provisional ? null : new LegendItem
        {
            LabelText = ChartText.InProgress(culture),
            LineColor = ChartStyle.ValueColor,
            LineWidth = 2.5f,
            LinePattern = ChartStyle.ProvisionalPattern,
            MarkerStyle = ChartStyle.ProvisionalMarker(ProvisionalMarkerSize, ProvisionalOutline),
        };
        return (valueItem, provisionalItem);
    }

    private const float ProvisionalMarkerSize = 10f;
    private const float ProvisionalOutline = 2f;

    private static void AddProvisional(Plot plot, (int X, double Y)? previous, (int X, double Y) point)
    {
        if (previous is { } from)
        {
            var segment = plot.Add.ScatterLine(new double[] { from.X, point.X }, new[] { from.Y, point.Y });
            segment.Color = ChartStyle.ValueColor;
            segment.LineWidth = 2.5f;
            segment.LinePattern = ChartStyle.ProvisionalPattern;
        }

        var marker = plot.Add.Marker(point.X, point.Y);
        marker.MarkerStyle = ChartStyle.ProvisionalMarker(ProvisionalMarkerSize, ProvisionalOutline);
    }

    public static void Decorate(Plot plot, TrendChartData data, IEnumerable<LegendItem?> legend)
    {
        plot.Title(data.Title, 16);
        if (!string.IsNullOrWhiteSpace(data.Subtitle))
        {
            var subtitle = new ScottPlot.Panels.TitlePanel();
            subtitle.Label.Text = data.Subtitle;
            subtitle.Label.FontSize = 12;
            subtitle.Label.FontName = ChartStyle.FontName;
            // A title panel's label is bold by default, which only the first render of a process honoured once the family is
            // set: the first chart drawn came out with a bold subtitle, every later one regular. Regular, always.
            subtitle.Label.Bold = false;
            subtitle.Label.ForeColor = Colors.DimGray;
            plot.Axes.AddPanel(subtitle);
        }

        if (!data.Percentage && !string.IsNullOrWhiteSpace(data.Unit))
        {
            plot.YLabel(data.Unit, 12);
        }

        plot.Legend.ManualItems.AddRange(legend.OfType<LegendItem>());
        if (plot.Legend.ManualItems.Count > 0)
        {
            // An empty legend panel makes ScottPlot 5.1 abandon the whole render, so only add a filled one.
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }

        plot.Font.Set(ChartStyle.FontName);
        plot.Axes.Title.Label.Font = Fonts.GetTypeface(ChartStyle.FontName, bold: true, italic: false); // Bold alone is ignored once a family is set
        plot.Legend.FontName = ChartStyle.FontName;
        plot.Legend.FontSize = 12;
        plot.Axes.Color(ChartStyle.TextColor);
    }
}
