using ScottPlot;
using SkiaSharp;

namespace KpiMonitor.Charts;

// A KPI over time against its target: a pure function of the data, with a new Plot per call.
public static class TrendChart
{
    public static byte[] Png(TrendChartData data, int width = 900, int height = 420)
    {
        using var plot = Build(data, width);
        return ChartStyle.Png(plot, width, height);
    }

    public static string Svg(TrendChartData data, int width = 900, int height = 420)
    {
        using var plot = Build(data, width);
        return ChartStyle.Svg(plot, width, height);
    }

    /// <summary>
    /// Draws the chart onto a canvas at its origin, <paramref name="width"/> × <paramref name="height"/> units: onto a PDF
    /// page's canvas it stays vector graphics, with the same layers as the PNG and the SVG.
    /// </summary>
    public static void Draw(TrendChartData data, SKCanvas canvas, int width = 900, int height = 420)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var plot = Build(data, width);
        plot.Render(canvas, width, height);
    }

    // Internal so that tests can find where a figure lands on the image (Plot.GetPixel after rendering).
    internal static Plot Build(TrendChartData data, int width)
    {
        ArgumentNullException.ThrowIfNull(data);
        var g = data.Granularity;
        var points = data.Points
            .GroupBy(p => PeriodAxis.Index(p.Period, g))
            .Select(p => (X: p.Key, p.Last().Value, p.Last().InProgress))
            .OrderBy(p => p.X)
            .ToList();
        // The data decides which periods are charted; only a chart without data falls back on the targets'.
        var indices = points.Count > 0
            ? points.Select(p => p.X).ToList()
            : data.Targets.Select(t => PeriodAxis.Index(t.Period, g)).ToList();
        var steps = indices.Count > 0
            ? TargetStep.From(data.Targets, g, data.Direction, indices.Min(), indices.Max())
            : [];

        var plot = new Plot();
        var band = TrendLayers.AddBand(plot, steps, data.Culture);
        var target = TrendLayers.AddTarget(plot, steps, data.Culture);
        var (value, provisional) = TrendLayers.AddValues(plot, points, data.Culture);
        if (value is null && provisional is null)
        {
            ChartStyle.AddNoDataNote(plot, data.Culture);
        }

        var range = ValueRange.Of(
            points.Select(p => p.Value ?? double.NaN)
                .Concat(steps.SelectMany(s => s.Vertices).SelectMany(v => new[] { v.Target, v.BandEdge })),
            data.Percentage);
        plot.Axes.SetLimitsY(range.Min, range.Max);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => ChartFormat.Tick(v, data.Percentage, data.Culture),
        };

        if (indices.Count > 0)
        {
            var (first, last) = (indices.Min(), indices.Max());
            plot.Axes.SetLimitsX(first - 0.6, last + 0.6);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                PeriodAxis.Ticks(first, last, g, data.Culture, width - 110));
        }
        else
        {
            plot.Axes.SetLimitsX(0, 1);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        }

        TrendLayers.Decorate(plot, data, [value, provisional, target, band]);
        return plot;
    }
}
